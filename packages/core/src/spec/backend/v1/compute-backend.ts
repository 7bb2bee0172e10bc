/**
 * The few numeric kernels the engine needs, implemented per backend (TypeScript reference,
 * WebAssembly, native). Float32, row-major. The reference backend is the oracle in tests.
 * @since 0.1.0
 */
export interface ComputeBackendV1 {
  readonly specificationVersion: 'v1'
  /** Backend name, e.g. `reference`, `wasm-simd`, `native-avx512`. */
  readonly name: string
  /**
   * C ← alpha·op(A)·op(B) + beta·C with op(A) m×k and op(B) k×n; `transposeA`/`transposeB` read
   * A as k×m or B as n×k.
   */
  gemm(params: GemmParamsV1): void
  /** Unrolls NCHW images into (C·kh·kw) × (N·outH·outW) columns for convolution as GEMM. */
  im2col(params: Im2colParamsV1): Float32Array
  /** Rounds each value to the nearest multiple of `step` after clipping to [min, max]; in place allowed. */
  quantize(values: Float32Array, step: number, min: number, max: number, out: Float32Array): void
}

/** @since 0.1.0 */
export interface GemmParamsV1 {
  readonly m: number
  readonly n: number
  readonly k: number
  readonly a: Float32Array
  readonly b: Float32Array
  readonly c: Float32Array
  readonly alpha?: number
  readonly beta?: number
  readonly transposeA?: boolean
  readonly transposeB?: boolean
}

/** @since 0.1.0 */
export interface Im2colParamsV1 {
  readonly input: Float32Array
  readonly batch: number
  readonly channels: number
  readonly height: number
  readonly width: number
  readonly kernelHeight: number
  readonly kernelWidth: number
  readonly strideHeight: number
  readonly strideWidth: number
  readonly padTop: number
  readonly padLeft: number
  readonly padBottom: number
  readonly padRight: number
  readonly dilationHeight?: number
  readonly dilationWidth?: number
}
