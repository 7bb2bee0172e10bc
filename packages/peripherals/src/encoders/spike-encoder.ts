import type { ComponentCostModelV1, EncodedInputV1, InputEncoderV1 } from '@cimkit/core'
import { z } from 'zod'
import { oneBitDriverCost } from '../cost/driver-cost.js'
import { bitsField, technologyFields } from '../options/common-options.js'
import { bitPlaneCycles, encodeBitPlanes } from './bit-planes.js'

/** Options of the `spike` encoder. @since 0.1.0 */
export const spikeOptionsSchema = z
  .object({
    bits: bitsField(8, 32),
    signed: z.boolean().default(false).describe('negative inputs as negative-polarity spikes (sign-magnitude, B − 1 slots)'),
    ...technologyFields(32, 'ISAAC-era node; PipeLayer does not state one in our sources'),
  })
  .strict()
  .refine((options) => !options.signed || options.bits >= 2, { message: 'signed spikes need at least 2 bits', path: ['bits'] })

/** @since 0.1.0 */
export type SpikeOptions = z.input<typeof spikeOptionsSchema>

/**
 * PipeLayer's weighted-spike driver (Song et al., HPCA 2017; paper 000 §4: spiking read circuits
 * replace the DAC): a B-bit input becomes B time slots, slot b carrying one spike iff bit b is set,
 * weighted 2^b, instead of the 2^B − 1 spikes of rate coding. The integrate-and-fire counters at the
 * columns weight each slot's count; here the weights travel with the planes, as for bit-serial
 * inputs. One spike costs one drive of a 1-bit row driver (ISAAC's DAC).
 * @example createSpikeEncoder({ bits: 4 }).encode(new Float32Array([1])).cycles // returns 4
 * @since 0.1.0
 */
export class SpikeEncoder implements InputEncoderV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'spike'
  readonly bits: number
  readonly signed: boolean
  readonly cycles: number
  readonly cost: ComponentCostModelV1
  private readonly options: z.output<typeof spikeOptionsSchema>

  constructor(options: z.output<typeof spikeOptionsSchema>) {
    this.options = options
    this.bits = options.bits
    this.signed = options.signed
    this.cycles = bitPlaneCycles(options.bits, options.signed ? 'sign-magnitude' : 'unsigned')
    this.cost = oneBitDriverCost(options, 'spike-driver')
  }

  encode(values: Float32Array): EncodedInputV1 {
    return encodeBitPlanes(values, this.bits, this.signed ? 'sign-magnitude' : 'unsigned')
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/** Builds a `spike` encoder from (unvalidated) options. @since 0.1.0 */
export function createSpikeEncoder(options: SpikeOptions = {}): SpikeEncoder {
  return new SpikeEncoder(spikeOptionsSchema.parse(options))
}
