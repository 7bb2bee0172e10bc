import type { EncodedInputV1, InputEncoderV1, UniformLevelsV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { testDoubleCost } from './test-cost.js'

/**
 * A multi-bit voltage DAC test double: one plane of levels k/L with L = 2^(bits−1) − 1 when signed
 * (sign by pulse polarity) or 2^bits − 1 when unsigned; one read cycle per vector. Rounds half away
 * from zero. Also stands in for a PWM driver, which produces the same integrated levels.
 * @example new DacEncoder({ bits: 8, signed: true }).encode(new Float32Array([0.5])).planes[0] // 64/127
 * @since 0.1.0
 */
export class DacEncoder implements InputEncoderV1 {
  readonly specificationVersion = 'v1' as const
  readonly type: string
  readonly bits: number
  readonly signed: boolean
  readonly cycles = 1
  readonly cost = testDoubleCost('dac-test-double', 'drive')
  /** Levels k/L, rounded half away from zero: a backend may encode them in one pass. */
  readonly uniformLevels?: UniformLevelsV1
  private readonly maxLevel: number

  constructor(options: { readonly bits: number; readonly signed: boolean; readonly type?: string }) {
    if (!Number.isInteger(options.bits) || options.bits < (options.signed ? 2 : 1)) throw new InvalidArgumentError('bits', `got ${options.bits}`)
    this.bits = options.bits
    this.signed = options.signed
    this.type = options.type ?? 'dac'
    this.maxLevel = options.signed ? 2 ** (options.bits - 1) - 1 : 2 ** options.bits - 1
    const level = this.maxLevel
    if (level <= 2 ** 31) this.uniformLevels = { low: options.signed ? -1 : 0, scale: level, minCode: options.signed ? -level : 0, maxCode: level, divisor: level, rounding: 'half-away-from-zero', planeWeight: 1 }
  }

  encode(values: Float32Array): EncodedInputV1 {
    const planes = new Float32Array(values.length)
    const { maxLevel } = this
    const low = this.signed ? -1 : 0
    // NOTE: Math.sign, Math.round and a sign select branch on the input's sign, which is random in
    // a batch (most of the encode's time went to mispredictions). For a float32 value and
    // maxLevel ≤ 2^16, s = value·maxLevel has at most 41 significant bits, so s + 0.5 is exact and
    // ⌊s + 0.5⌋ is the nearest integer, ties up; a negative tie then steps down (half away from
    // zero), and a zero level takes the sign of s (−0 for negative inputs), as sign(s)·round(|s|).
    if (maxLevel > 2 ** 16) return { planes: this.encodeWide(values, low), cycles: 1, planeWeights: Float64Array.of(1) }
    for (let index = 0; index < values.length; index++) {
      const value = values[index]!
      const scaled = (value > 1 ? 1 : value <= low ? low : value) * maxLevel
      const half = scaled + 0.5
      const up = Math.floor(half)
      const level = up === half && scaled < 0 ? up - 1 : up
      planes[index] = (level === 0 ? scaled * 0 : level) / maxLevel
    }
    return { planes, cycles: 1, planeWeights: Float64Array.of(1) }
  }

  /** Levels of a DAC with more than 17 bits, where s + 0.5 may round: sign(s)·round(|s|) as written. */
  private encodeWide(values: Float32Array, low: number): Float32Array {
    const planes = new Float32Array(values.length)
    for (let index = 0; index < values.length; index++) {
      const value = Math.min(1, Math.max(low, values[index]!))
      planes[index] = (Math.sign(value) * Math.round(Math.abs(value) * this.maxLevel)) / this.maxLevel
    }
    return planes
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, bits: this.bits, signed: this.signed }
  }
}
