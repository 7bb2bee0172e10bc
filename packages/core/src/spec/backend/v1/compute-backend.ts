import type { UniformLevelsV1 } from '../../peripheral/v1/input-encoder.js'

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
  /**
   * Optional: the per-plane conversions of one weight slice by an ideal uniform converter and the
   * digital steps after them, accumulated into `output` (see {@link ConvertAccumulateParamsV1}).
   * Must be bit-identical to the reference backend's. Engines fall back to converter calls without it.
   * @since 0.2.0
   */
  convertAccumulate?(params: ConvertAccumulateParamsV1): void
  /**
   * Optional, with {@link ComputeBackendV1.gemmPrepared}: B (k×n, or n×k with `transposeB`)
   * copied once into the backend's own layout, for a right-hand operand that many GEMMs read
   * (weights programmed once). The result holds no reference to `b`: later changes to `b` are not
   * seen. Engines fall back to `gemm` without it.
   * @since 0.2.0
   */
  prepareMatrix?(b: Float32Array, k: number, n: number, options?: { readonly transposeB?: boolean }): PreparedMatrixV1
  /**
   * C ← alpha·op(A)·B + beta·C with B prepared by this backend's `prepareMatrix`; equal to `gemm`
   * on the same operands within float32 rounding (the summation order may differ).
   * @since 0.2.0
   */
  gemmPrepared?(params: PreparedGemmParamsV1): void
  /**
   * Optional: normalizes and encodes inputs for an encoder with uniform levels in one pass:
   * v = inputs[i] / inputScale clipped to [−1, 1] (float64; NaN stays NaN), rounded to float32,
   * then the levels of {@link UniformLevelsV1} into `planes[i]`. Returns whether any normalized
   * value was negative (an unsigned encoder then needs two passes). Must be bit-identical to the
   * reference backend's.
   * @since 0.2.0
   */
  encodeUniform?(params: EncodeUniformParamsV1): boolean
  /**
   * Optional: out[i] = float32(values[i] · factor) for every i < values.length (the float64
   * product rounded once, as a Float32Array store rounds it); `out` has at least values.length
   * elements. Must be bit-identical to the reference backend's.
   * @since 0.2.0
   */
  scaleInto?(values: Float64Array, factor: number, out: Float32Array): void
  /**
   * Optional: `convertAccumulate` into a zeroed float64 accumulator of batch × outputCount, then
   * result[v·resultColumns + resultStart + c] = float32(accumulator[v][c] · scale), without the
   * accumulator in memory (for a read that is the only one contributing to its outputs: one weight
   * slice, one row block). Must be bit-identical to that sequence on the reference backend.
   * @since 0.2.0
   */
  convertScaleInto?(params: ConvertScaleIntoParamsV1): void
}

/** @since 0.2.0 */
export interface ConvertScaleIntoParamsV1 extends Omit<ConvertAccumulateParamsV1, 'output' | 'outputColumns' | 'outputStart'> {
  readonly scale: number
  readonly result: Float32Array
  readonly resultColumns: number
  readonly resultStart: number
}

/** @since 0.2.0 */
export interface EncodeUniformParamsV1 {
  readonly inputs: Float32Array
  readonly inputScale: number
  readonly levels: UniformLevelsV1
  /** At least `inputs.length` values. */
  readonly planes: Float32Array
}

/**
 * A right-hand GEMM operand in a backend's own layout (see `ComputeBackendV1.prepareMatrix`).
 * Opaque: only the backend that made it can use it.
 * @since 0.2.0
 */
export interface PreparedMatrixV1 {
  /** The name of the backend that prepared it. */
  readonly backend: string
  readonly k: number
  readonly n: number
  /** Memory it holds, bytes. */
  readonly bytes: number
}

/** @since 0.2.0 */
export interface PreparedGemmParamsV1 {
  readonly m: number
  readonly a: Float32Array
  readonly b: PreparedMatrixV1
  readonly c: Float32Array
  readonly alpha?: number
  readonly beta?: number
  readonly transposeA?: boolean
}

/**
 * One weight slice's column values for `planes` drive planes and the arithmetic a crossbar's
 * periphery applies to them. For plane p, vector v (row r = p·batch + v) and column c, with
 * x = values[r·stride + offset + c] and Σ = rowSums[r]:
 * 1. level: if steps > 0, with k = steps / rangeSpan[p] and q = rangeSpan[p] / steps,
 *    t = (x − rangeMin[p])·k + 0.5, code = 0 if t < 1, steps if t ≥ steps, else ⌊t⌋;
 *    level = float32(rangeMin[p] + code·q) (the ideal quantizer of `OutputConverterV1.idealUniform`);
 *    if steps = 0, level = x (ideal readout). With `idleVectors` and Σ = 0 the column value is
 *    exactly 0 (no row driven), so x = 0 is used without reading it.
 * 2. without `digitalOffset`: output[v·outputColumns + outputStart + c] += factors[p] · level.
 * 3. with it: s = units[p] > 0 ? round(offsetDigits·Σ / units[p]) · units[p] : offsetDigits·Σ
 *    (round half up, as Math.round), u = level − s, u = maxDigit·Σ − u where flipped[c] = 1, and
 *    output[…] += factors[p] · (u − bias·Σ). All arithmetic in float64, in this order.
 * @since 0.2.0
 */
export interface ConvertAccumulateParamsV1 {
  readonly values: Float32Array
  readonly stride: number
  readonly offset: number
  readonly batch: number
  readonly planes: number
  readonly outputCount: number
  /** Converter codes − 1 (2^bits − 1), or 0 for no quantization. */
  readonly steps: number
  /** Per plane. */
  readonly rangeMin: Float64Array
  /** Per plane, > 0 when steps > 0. */
  readonly rangeSpan: Float64Array
  /** planes × batch. */
  readonly rowSums: Float64Array
  readonly idleVectors: boolean
  /** Per plane: plane weight × 2^(slice · bits per cell). */
  readonly factors: Float64Array
  readonly digitalOffset: {
    readonly offsetDigits: number
    /** Per plane: the product LSB the offset is rounded to (0 = exact). */
    readonly units: Float64Array
    readonly bias: number
    readonly maxDigit: number
    /** Per column: 1 where the stored digits are inverted. */
    readonly flipped: Uint8Array | null
  } | null
  readonly output: Float64Array
  readonly outputColumns: number
  readonly outputStart: number
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
