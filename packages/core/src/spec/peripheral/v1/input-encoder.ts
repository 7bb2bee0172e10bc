import type { ComponentCostModelV1 } from '../../cost/v1/component-cost-model.js'

/**
 * Input values decomposed into the planes the array is driven with, one plane per read cycle:
 * `value ≈ Σ_c planeWeights[c] · planes[c]`. A multi-bit DAC gives one plane of quantized levels;
 * a bit-serial driver gives one 0/1 plane per bit (with a negative weight for a two's-complement
 * sign bit, or a sign folded into ±1 planes for sign-magnitude).
 * @since 0.1.0
 */
export interface EncodedInputV1 {
  /** `cycles × length` drive levels in [−1, 1] (fraction of full-scale read voltage), row-major. */
  readonly planes: Float32Array
  readonly cycles: number
  /** Digital weight of each plane, applied by shift-and-add after conversion. */
  readonly planeWeights: Float64Array
}

/**
 * Drives array rows: a DAC, a bit-serial driver, a PWM driver, spike trains.
 * Inputs arrive normalised to [−1, 1] (or [0, 1] for unsigned encoders) by the engine.
 * @since 0.1.0
 */
export interface InputEncoderV1 {
  readonly specificationVersion: 'v1'
  readonly type: string
  /** Input resolution in bits (including sign), or null for an ideal analog driver. */
  readonly bits: number | null
  /** Whether negative inputs are representable. */
  readonly signed: boolean
  /** Read cycles one input vector takes (1 for a multi-bit DAC, bits for bit-serial). */
  readonly cycles: number
  /** Decomposes `values` (normalised) into drive planes. */
  encode(values: Float32Array): EncodedInputV1
  /**
   * Optional: declares that `encode` is one plane on a uniform grid, exactly as
   * {@link UniformLevelsV1} defines, so an engine may let its backend encode in one pass
   * (`ComputeBackendV1.encodeUniform`). Omit it when the levels are distorted (nonlinearity, noise).
   * @since 0.2.0
   */
  readonly uniformLevels?: UniformLevelsV1
  /** Cost of one driver (one row); action `drive` per row per cycle. */
  readonly cost: ComponentCostModelV1
  toJSON(): Record<string, unknown>
}

/**
 * One plane of uniform levels. For each value v, in float64 with JavaScript's operations:
 * c = Math.min(1, Math.max(low, v)); s = c·scale;
 * code = sign(c)·Math.round(|s|) (`half-away-from-zero`) or Math.round(s) + 0 (`half-up`, a zero
 * code is +0); code = code < minCode ? minCode : code > maxCode ? maxCode : code;
 * plane = code / divisor (stored as float32); the plane's weight is `planeWeight`.
 * @since 0.2.0
 */
export interface UniformLevelsV1 {
  readonly low: number
  readonly scale: number
  readonly minCode: number
  readonly maxCode: number
  readonly divisor: number
  readonly rounding: 'half-away-from-zero' | 'half-up'
  readonly planeWeight: number
}
