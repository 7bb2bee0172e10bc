// Vitest global setup: tests load dist/kernels-simd.wasm, which `build` produces. Rebuild it here
// when it is missing or older than its AssemblyScript source, so `vitest run` in this package
// always tests the current source, with or without a prior `pnpm build`.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), '..')

function modifiedMs(path) {
  try {
    return statSync(path).mtimeMs
  } catch {
    return -Infinity
  }
}

export default function setup() {
  const wasm = modifiedMs(join(packageDirectory, 'dist', 'kernels-simd.wasm'))
  const sources = readdirSync(join(packageDirectory, 'assembly')).map((name) => modifiedMs(join(packageDirectory, 'assembly', name)))
  if (wasm >= Math.max(...sources, modifiedMs(join(packageDirectory, 'scripts', 'build-wasm.mjs')))) return
  const result = spawnSync(process.execPath, [join(packageDirectory, 'scripts', 'build-wasm.mjs')], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`building the WebAssembly kernels failed:\n${result.stdout}${result.stderr}`)
}
