import type { ComputeBackendV1, GemmParamsV1, Im2colParamsV1 } from '@cimkit/core'
import { referenceEncodeUniform } from '../reference/reference-encode-uniform.js'
import { referenceScaleInto } from '../reference/reference-scale-into.js'
import { referenceConvertScaleInto } from '../reference/reference-convert-scale-into.js'
import { referenceConvertAccumulate } from '../reference/reference-convert-accumulate.js'
import { checkGemmShape } from '../shared/gemm-shape.js'
import { copiedPreparedMatrices } from '../shared/copied-prepared-matrices.js'
import { im2colGeometry } from '../shared/im2col-geometry.js'
import { loadWasmModule } from './load-wasm-module.js'
import type { WasmKernelExports } from './load-wasm-module.js'

const pageBytes = 65536

/** Rounds a byte offset up to 16 bytes (v128 alignment). */
function align16(bytes: number): number {
  return (bytes + 15) & ~15
}

/**
 * Linear-memory bookkeeping: packing scratch sits right above the module's static data; operands
 * are copied in above it for each call (WebAssembly cannot address JavaScript's typed arrays), and
 * memory grows on demand and is kept for later calls.
 */
class WasmArena {
  private readonly scratch: number
  private readonly operandsStart: number

  constructor(private readonly kernels: WasmKernelExports) {
    this.scratch = align16(kernels.heapBase())
    this.operandsStart = align16(this.scratch + kernels.gemmScratchBytes())
  }

  get scratchPointer(): number {
    return this.scratch
  }

  /** Reserves consecutive 16-byte-aligned regions of the given byte sizes; returns their addresses. */
  reserve(...sizes: number[]): number[] {
    const pointers: number[] = []
    let end = this.operandsStart
    for (const size of sizes) {
      pointers.push(end)
      end = align16(end + size)
    }
    const memory = this.kernels.memory
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / pageBytes))
    return pointers
  }

  /** A fresh view (growing memory detaches old ones). */
  floats(pointer: number, length: number): Float32Array {
    return new Float32Array(this.kernels.memory.buffer, pointer, length)
  }
}

/**
 * The WebAssembly SIMD backend: 4×8 f32x4 micro-kernel with Goto-style packing, single-threaded
 * (a synchronous multi-threaded WebAssembly GEMM would need SharedArrayBuffer workers blocking
 * the caller; the native addon covers multi-core). Portable to any engine with SIMD (Node ≥ 16.4).
 * @example const backend = createWasmBackend(); backend.name // returns 'wasm-simd'
 * @since 0.1.0
 */
export function createWasmBackend(): ComputeBackendV1 {
  const kernels = loadWasmModule()
  const arena = new WasmArena(kernels)
  const backend: ComputeBackendV1 = {
    specificationVersion: 'v1',
    name: 'wasm-simd',
    gemm(params: GemmParamsV1): void {
      const { m, n, k, alpha, beta, transposeA, transposeB } = checkGemmShape(params)
      if (m === 0 || n === 0) return
      const [a, b, c] = arena.reserve(m * k * 4, k * n * 4, m * n * 4) as [number, number, number]
      arena.floats(a, m * k).set(params.a.subarray(0, m * k))
      arena.floats(b, k * n).set(params.b.subarray(0, k * n))
      if (beta !== 0) arena.floats(c, m * n).set(params.c.subarray(0, m * n))
      kernels.gemm(m, n, k, a, b, c, alpha, beta, transposeA ? 1 : 0, transposeB ? 1 : 0, arena.scratchPointer)
      params.c.set(arena.floats(c, m * n))
    },
    im2col(params: Im2colParamsV1): Float32Array {
      const geometry = im2colGeometry(params)
      const inputLength = params.batch * params.channels * params.height * params.width
      const [input, out, shape] = arena.reserve(inputLength * 4, geometry.outputLength * 4, geometry.values.byteLength) as [number, number, number]
      arena.floats(input, inputLength).set(params.input.subarray(0, inputLength))
      new Int32Array(kernels.memory.buffer, shape, geometry.values.length).set(geometry.values)
      kernels.im2col(input, out, shape)
      return arena.floats(out, geometry.outputLength).slice()
    },
    quantize(values: Float32Array, step: number, min: number, max: number, out: Float32Array): void {
      const count = Math.min(values.length, out.length)
      const [input, output] = arena.reserve(count * 4, count * 4) as [number, number]
      arena.floats(input, count).set(values.subarray(0, count))
      kernels.quantize(input, output, count, step, min, max)
      out.set(arena.floats(output, count))
    },
    // NOTE: the TypeScript kernel, where the data already is: copying a slice's column values into
    // linear memory and the accumulator out again would cost more than the arithmetic itself.
    convertAccumulate: referenceConvertAccumulate,
    encodeUniform: referenceEncodeUniform,
    scaleInto: referenceScaleInto,
    convertScaleInto: referenceConvertScaleInto,
  }
  // NOTE: a prepared operand is a copy of B (each call copies operands into linear memory anyway).
  return { ...backend, ...copiedPreparedMatrices(backend.name, (params) => backend.gemm(params)) }
}
