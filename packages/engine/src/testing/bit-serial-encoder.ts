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
    // Bit patterns first, then one plane at a time so that each plane is written contiguously.
    // NOTE: bits ≤ 30 here, so patterns fit in int32 and bit c is (pattern >> c) & 1, the same
    // value as ⌊pattern / 2^c⌋ mod 2; wider inputs keep the float arithmetic.
    if (this.bits > 30) {
      for (let index = 0; index < length; index++) {
        const value = Math.min(1, Math.max(low, values[index]!))
        const magnitude = Math.round(Math.abs(value) * maxLevel)
        const pattern = twos && value < 0 ? 2 ** this.bits - magnitude : magnitude
        const sign = !twos && value < 0 ? -1 : 1
        for (let cycle = 0; cycle < cycles; cycle++) planes[cycle * length + index] = sign * (Math.floor(pattern / 2 ** cycle) % 2)
      }
      return { planes, cycles, planeWeights }
    }
    const patterns = new Int32Array(length)
    const signs = new Float32Array(length)
    bitPatterns(values, low, maxLevel, twos ? 2 ** this.bits : 0, patterns, signs)
    // sign · bit, as before: a clear bit of a negative input is −0.
    for (let cycle = 0; cycle < cycles; cycle++) bitPlane(patterns, signs, cycle, planes.subarray(cycle * length, (cycle + 1) * length))
    return { planes, cycles, planeWeights }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, bits: this.bits, signed: this.signed, signedEncoding: this.signedEncoding }
  }
}

/**
 * Two's complement patterns of q on `bits` bits (`span` = 2^bits), or with `span` 0 the magnitude
 * with the sign kept apart. Small monomorphic loops: V8 optimizes them far better than one long
 * function (a long encode ran 4× slower once deoptimized).
 */
function bitPatterns(values: Float32Array, low: number, maxLevel: number, span: number, patterns: Int32Array, signs: Float32Array): void {
  for (let index = 0; index < values.length; index++) {
    const input = values[index]!
    const value = input > 1 ? 1 : input < low ? low : input
    const magnitude = Math.round((value < 0 ? -value : value) * maxLevel)
    patterns[index] = span !== 0 && value < 0 ? span - magnitude : magnitude
    signs[index] = span === 0 && value < 0 ? -1 : 1
  }
}

function bitPlane(patterns: Int32Array, signs: Float32Array, cycle: number, plane: Float32Array): void {
  for (let index = 0; index < plane.length; index++) plane[index] = signs[index]! * ((patterns[index]! >> cycle) & 1)
}
