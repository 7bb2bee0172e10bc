// Builds the native addon (binding.gyp -> build/Release/cimkit_kernels.node) with node-gyp from
// the repository's C++ source. Runs as this package's `install` script: it never fails the
// install (a machine without a compiler gets the WebAssembly backend), printing one line instead.
// `--strict` (the `build:native` script) exits non-zero on failure. CIMKIT_SKIP_NATIVE=1 skips.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), '..')
const strict = process.argv.includes('--strict')
const logFile = join(packageDirectory, 'build', 'build-native.log')
const log = []

function writeLog() {
  mkdirSync(dirname(logFile), { recursive: true })
  writeFileSync(logFile, log.join('\n'))
}

function finish(ok, message) {
  console.log(`@cimkit/kernels: ${message}`)
  process.exit(ok || !strict ? 0 : 1)
}

if (process.env.CIMKIT_SKIP_NATIVE === '1') finish(true, 'native addon skipped (CIMKIT_SKIP_NATIVE=1); the WebAssembly backend will be used')

// npm and pnpm export the node-gyp they bundle; otherwise look for one on PATH.
const bundled = process.env.npm_config_node_gyp
const command = bundled !== undefined && existsSync(bundled) ? [process.execPath, bundled] : ['node-gyp']
const flags = []
// Without nodedir, node-gyp downloads headers, which offline machines cannot; distribution
// builds of Node ship them beside the binary (<prefix>/include/node).
const prefix = dirname(dirname(process.execPath))
if (process.env.npm_config_nodedir === undefined && existsSync(join(prefix, 'include', 'node', 'node_api.h'))) flags.push(`--nodedir=${prefix}`)

for (const step of [['configure'], ['build', '--jobs', 'max']]) {
  const [executable, ...prefixArgs] = command
  const result = spawnSync(executable, [...prefixArgs, ...step, ...flags], { cwd: packageDirectory, encoding: 'utf8', env: process.env })
  log.push(`$ ${[...command, ...step, ...flags].join(' ')}`, result.stdout ?? '', result.stderr ?? '', result.error ? String(result.error) : '')
  if (result.status !== 0) {
    writeLog()
    const reason = result.error ? result.error.message : `node-gyp ${step[0]} exited with ${result.status}`
    finish(false, `native addon not built (${reason}; log: ${logFile}); the WebAssembly backend will be used`)
  }
}
writeLog()
finish(true, 'native addon built')
