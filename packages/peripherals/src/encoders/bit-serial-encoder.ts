import type { ComponentCostModelV1, EncodedInputV1, InputEncoderV1 } from '@cimkit/core'
import { z } from 'zod'
import { oneBitDriverCost } from '../cost/driver-cost.js'
import { bitsField, technologyFields } from '../options/common-options.js'
import { bitPlaneCycles, encodeBitPlanes } from './bit-planes.js'
import type { BitPlaneCoding } from './bit-planes.js'

/** Options of the `bit-serial` encoder. @since 0.1.0 */
export const bitSerialOptionsSchema = z
  .object({
    bits: bitsField(8, 32),
    signed: z.boolean().default(false).describe('accept negative inputs'),
    signedEncoding: z.enum(['twos-complement', 'sign-magnitude']).default('twos-complement').describe('signed coding: two’s complement (MSB weighted −2^(B−1), ISAAC) or sign-magnitude (polarity per row, B − 1 cycles)'),
    ...technologyFields(32, 'ISAAC'),
  })
  .strict()
  .refine((options) => !(options.signed && options.signedEncoding === 'sign-magnitude') || options.bits >= 2, {
    message: 'sign-magnitude needs at least 2 bits',
    path: ['bits'],
  })

/** @since 0.1.0 */
export type BitSerialOptions = z.input<typeof bitSerialOptionsSchema>

/**
 * Bit-serial input driver (paper 003 §V B, Fig. 10d, Eq. 8): one 1-bit plane per read cycle, LSB
 * first, recombined by shift-and-add after conversion. Each row's driver is ISAAC's 1-bit DAC.
 * @example createBitSerialEncoder({ bits: 4 }).cycles // returns 4
 * @since 0.1.0
 */
export class BitSerialEncoder implements InputEncoderV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'bit-serial'
  readonly bits: number
  readonly signed: boolean
  readonly cycles: number
  readonly cost: ComponentCostModelV1
  private readonly coding: BitPlaneCoding
  private readonly options: z.output<typeof bitSerialOptionsSchema>

  constructor(options: z.output<typeof bitSerialOptionsSchema>) {
    this.options = options
    this.bits = options.bits
    this.signed = options.signed
    this.coding = options.signed ? options.signedEncoding : 'unsigned'
    this.cycles = bitPlaneCycles(options.bits, this.coding)
    this.cost = oneBitDriverCost(options)
  }

  encode(values: Float32Array): EncodedInputV1 {
    return encodeBitPlanes(values, this.bits, this.coding)
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/** Builds a `bit-serial` encoder from (unvalidated) options. @since 0.1.0 */
export function createBitSerialEncoder(options: BitSerialOptions = {}): BitSerialEncoder {
  return new BitSerialEncoder(bitSerialOptionsSchema.parse(options))
}
