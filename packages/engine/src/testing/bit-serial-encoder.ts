import type { EncodedInputV1, InputEncoderV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { testDoubleCost } from './test-cost.js'

/** Options of the {@link BitSerialEncoder} test double. @since 0.1.0 */
export interface BitSerialEncoderOptions {
  /** Input bits including the sign bit when signed. */
  readonly bits: number
  readonly signed: boolean
  /** How signed inputs are fed: two's complement (MSB plane weighted −2^(B−1)) or ±1 magnitude planes. */
  readonly signedEncoding?: 'twos-complement' | 'sign-magnitude'
}

/**
 * A bit-serial driver test double (survey Eq. 8): the input is quantized to an integer q of `bits`
 * bits (q = round(v·L), L = 2^(bits−1) − 1 signed, 2^bits − 1 unsigned) and fed one bit per cycle,
 * LSB first. Plane c has weight 2^c / L; a two's-complement sign plane has weight −2^(B−1) / L;
 * sign-magnitude uses B − 1 planes of levels in {−1, 0, 1}.
 * @since 0.1.0
 */
export class BitSerialEncoder implements InputEncoderV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'bit-serial'
  readonly bits: number
  readonly signed: boolean
  readonly cycles: number
  readonly cost = testDoubleCost('bit-serial-test-double', 'drive')
  private readonly signedEncoding: 'twos-complement' | 'sign-magnitude'
  private readonly maxLevel: number

  constructor(options: BitSerialEncoderOptions) {
    if (!Number.isInteger(options.bits) || options.bits < (options.signed ? 2 : 1)) throw new InvalidArgumentError('bits', `got ${options.bits}`)
    this.bits = options.bits
    this.signed = options.signed
    this.signedEncoding = options.signedEncoding ?? 'twos-complement'
    this.maxLevel = options.signed ? 2 ** (options.bits - 1) - 1 : 2 ** options.bits - 1
    this.cycles = options.signed && this.signedEncoding === 'sign-magnitude' ? options.bits - 1 : options.bits
  }

  encode(values: Float32Array): EncodedInputV1 {
    const { cycles, maxLevel } = this
    const length = values.length
    const planes = new Float32Array(cycles * length)
    const planeWeights = new Float64Array(cycles)
    const twos = this.signed && this.signedEncoding === 'twos-complement'
    for (let cycle = 0; cycle < cycles; cycle++) planeWeights[cycle] = (twos && cycle === cycles - 1 ? -(2 ** cycle) : 2 ** cycle) / maxLevel
    const low = this.signed ? -1 : 0
    // NOTE: bits ≤ 30 here, so patterns fit in int32 and bit c is (pattern >> c) & 1, the same
    // value as ⌊pattern / 2^c⌋ mod 2; wider inputs keep the float arithmetic.
    const integerBits = this.bits <= 30
    for (let index = 0; index < length; index++) {
      const value = Math.min(1, Math.max(low, values[index]!))
      const magnitude = Math.round(Math.abs(value) * maxLevel)
      // Two's complement pattern of q on `bits` bits, or the magnitude with the sign applied per plane.
      const pattern = twos && value < 0 ? 2 ** this.bits - magnitude : magnitude
      const sign = !twos && value < 0 ? -1 : 1
      if (integerBits) {
        for (let cycle = 0; cycle < cycles; cycle++) planes[cycle * length + index] = sign * ((pattern >> cycle) & 1)
      } else {
        for (let cycle = 0; cycle < cycles; cycle++) planes[cycle * length + index] = sign * (Math.floor(pattern / 2 ** cycle) % 2)
      }
    }
    return { planes, cycles, planeWeights }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, bits: this.bits, signed: this.signed, signedEncoding: this.signedEncoding }
  }
}
