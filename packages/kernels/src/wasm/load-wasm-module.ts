import { readFileSync } from 'node:fs'

/** The part of WebAssembly's linear memory object the backend uses. @since 0.1.0 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer
  grow(pages: number): number
}

// NOTE: the ES2023 lib has no WebAssembly types and @types/node 20 does not declare them either;
// this declares the two constructors used, typed as narrowly as this file needs.
declare const WebAssembly: {
  readonly Module: new (bytes: Uint8Array) => object
  readonly Instance: new (module: object, imports: object) => { readonly exports: unknown }
}

/** The exports of dist/kernels-simd.wasm (built from assembly/ by scripts/build-wasm.mjs). @since 0.1.0 */
export interface WasmKernelExports {
  readonly memory: WasmMemory
  heapBase(): number
  gemmScratchBytes(): number
  gemm(m: number, n: number, k: number, a: number, b: number, c: number, alpha: number, beta: number, transposeA: number, transposeB: number, scratch: number): void
  im2col(input: number, out: number, geometry: number): void
  quantize(values: number, out: number, count: number, step: number, min: number, max: number): void
}

/**
 * Where the compiled module lives: `dist/` of this package, reached by the same relative path
 * from `src/wasm/` (tests) and `dist/wasm/` (the published build).
 */
const moduleUrl = new URL('../../dist/kernels-simd.wasm', import.meta.url)

/**
 * Compiles and instantiates the WebAssembly SIMD kernels synchronously (Node allows synchronous
 * compilation of any size; the module is a few kilobytes). Throws if the file is missing (run
 * `pnpm --filter @cimkit/kernels build:wasm`) or the engine lacks SIMD.
 * @since 0.1.0
 */
export function loadWasmModule(): WasmKernelExports {
  const bytes = readFileSync(moduleUrl)
  const module = new WebAssembly.Module(bytes)
  return new WebAssembly.Instance(module, {}).exports as unknown as WasmKernelExports
}
