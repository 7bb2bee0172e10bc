import type { EncodedInputV1, InputEncoderV1 } from '@cimkit/core'
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
  private readonly maxLevel: number

  constructor(options: { readonly bits: number; readonly signed: boolean; readonly type?: string }) {
    if (!Number.isInteger(options.bits) || options.bits < (options.signed ? 2 : 1)) throw new InvalidArgumentError('bits', `got ${options.bits}`)
    this.bits = options.bits
    this.signed = options.signed
    this.type = options.type ?? 'dac'
    this.maxLevel = options.signed ? 2 ** (options.bits - 1) - 1 : 2 ** options.bits - 1
  }

  encode(values: Float32Array): EncodedInputV1 {
    const planes = new Float32Array(values.length)
    const { maxLevel } = this
    const low = this.signed ? -1 : 0
    // NOTE: |value|·maxLevel of a float32 value and maxLevel ≤ 2^16 has at most 41 significant bits,
    // so |value|·maxLevel + 0.5 is exact and its floor is Math.round's half-away-from-zero result.
    const exactFloor = maxLevel <= 2 ** 16
    for (let index = 0; index < values.length; index++) {
      const value = Math.min(1, Math.max(low, values[index]!))
      const magnitude = Math.abs(value) * maxLevel
      planes[index] = (Math.sign(value) * (exactFloor ? Math.floor(magnitude + 0.5) : Math.round(magnitude))) / maxLevel
    }
    return { planes, cycles: 1, planeWeights: Float64Array.of(1) }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, bits: this.bits, signed: this.signed }
  }
}
