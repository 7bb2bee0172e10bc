// Compiles assembly/*.ts (AssemblyScript with v128 intrinsics) to dist/kernels-simd.wasm.
// Runs as part of `build` (turbo), so the binary always comes from the repository's source and is
// never committed. Written to a temporary file and renamed, so a concurrent reader (a test run
// in another process) never sees a half-written module.
import { mkdirSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import asc from 'assemblyscript/asc'

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), '..')
const output = join(packageDirectory, 'dist', 'kernels-simd.wasm')
const temporary = `${output}.${process.pid}.tmp`
mkdirSync(dirname(output), { recursive: true })

const { error, stderr } = await asc.main(
  [
    join(packageDirectory, 'assembly', 'index.ts'),
    '--runtime', 'stub', // no allocator or GC: JavaScript owns the memory layout
    '--enable', 'simd',
    '--optimizeLevel', '3',
    '--shrinkLevel', '0',
    '--noAssert',
    '--outFile', temporary,
  ],
  {},
)
if (error) {
  console.error(stderr.toString())
  console.error(`build-wasm: ${error.message}`)
  process.exit(1)
}
renameSync(temporary, output)
console.log(`build-wasm: wrote ${output}`)
