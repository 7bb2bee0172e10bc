// Entry of the WebAssembly SIMD module (built by scripts/build-wasm.mjs with the stub runtime:
// no allocator, no GC; the JavaScript side lays out linear memory above `heapBase()`).

export { gemm, gemmScratchBytes } from './gemm'
export { im2col } from './im2col'
export { quantize } from './quantize'

/** First byte of linear memory not used by the module's static data. */
export function heapBase(): usize {
  return __heap_base
}
