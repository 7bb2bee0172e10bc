import type { RandomSource } from '../../../random/random-source.js'
import type { ComponentCostModelV1 } from '../../cost/v1/component-cost-model.js'

/** The input range a converter digitises, in the units of the values it is given. @since 0.1.0 */
export interface ConversionRangeV1 {
  readonly min: number
  readonly max: number
}

/**
 * Turns analog column outputs into digital values: an ADC, a sense amplifier, a counter.
 * @since 0.1.0
 */
export interface OutputConverterV1 {
  readonly specificationVersion: 'v1'
  readonly type: string
  /** Output resolution in bits (1 for a sense amplifier), or null for an ideal converter. */
  readonly bits: number | null
  /**
   * Converts `values` (laid out `count × columns`, row-major) within `range` into `out`: quantize,
   * clip, add offset and noise. Outputs are in the input's units (levels mapped back), so the engine
   * can add partial sums without knowing the converter. `out` may alias `values`.
   */
  convert(values: Float32Array, columns: number, range: ConversionRangeV1, random: RandomSource, out: Float32Array): void
  /**
   * True when `convert` is exactly the ideal uniform quantizer of `bits` bits: with s = 2^bits − 1,
   * k = s / (max − min) and q = (max − min) / s (each computed once, in float64), each value v maps to
   * min + c·q where c = ⌊(v − min)·k + 0.5⌋ clipped to [0, s], stored as float32, with no offset,
   * noise, mismatch or random draw (multiplications, not divisions: the hot loop of every read).
   * An engine may then apply it fused with its own arithmetic instead of calling `convert`.
   * @since 0.2.0
   */
  readonly idealUniform?: boolean
  /** Cost of one converter; action `convert` per conversion. */
  readonly cost: ComponentCostModelV1
  toJSON(): Record<string, unknown>
}
