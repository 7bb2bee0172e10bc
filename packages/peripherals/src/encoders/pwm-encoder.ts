import type { ComponentCostModelV1, EncodedInputV1, InputEncoderV1, UniformLevelsV1 } from '@cimkit/core'
import { z } from 'zod'
import { pwmDriverCost } from '../cost/driver-cost.js'
import { bitsField, technologyFields } from '../options/common-options.js'
import { allocatePlanes, codeOf, uniformDacLevels } from './encoded-planes.js'

/** Options of the `pwm` encoder. @since 0.1.0 */
export const pwmOptionsSchema = z
  .object({
    bits: bitsField(8),
    signed: z.boolean().default(false).describe('negative inputs as negative-polarity pulses (per-row rail switch, paper 003 Ref. 144)'),
    unitPulseS: z.number().positive().default(1e-9).describe('duration of one time slot, seconds (1 ns: a width counter clocked like the 1 GHz MNSIM sense amplifier that costs it)'),
    edgeLossSlots: z.number().min(0).default(0).describe('charge lost per pulse to finite rise/fall times, in slots (pulse-shape distortion, paper 003 §V B)'),
    ...technologyFields(32, 'ISAAC'),
  })
  .strict()
  .refine((options) => !options.signed || options.bits >= 2, { message: 'a signed PWM driver needs at least 2 bits', path: ['bits'] })

/** @since 0.1.0 */
export type PwmOptions = z.input<typeof pwmOptionsSchema>

/**
 * Pulse-width driver (paper 003 §V B, Fig. 10b, Eq. 7): a fixed-amplitude pulse of n unit slots,
 * n ≤ 2^B − 1 (signed: ±(2^(B−1) − 1) with polarity), so the column integrates charge ∝ n without
 * needing a linear device I–V. One (long) read cycle; the plane carries the integrated fraction of
 * full scale, reduced by `edgeLossSlots` per nonzero pulse.
 * @example createPwmEncoder({ bits: 3, edgeLossSlots: 0.5 }).encode(new Float32Array([1])).planes // returns Float32Array [~0.9286]
 * @since 0.1.0
 */
export class PwmEncoder implements InputEncoderV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'pwm'
  readonly bits: number
  readonly signed: boolean
  readonly cycles = 1
  readonly cost: ComponentCostModelV1
  /** Without edge loss the pulse widths are a uniform grid (ties up): a backend may encode them in one pass. */
  readonly uniformLevels?: UniformLevelsV1
  private readonly options: z.output<typeof pwmOptionsSchema>

  constructor(options: z.output<typeof pwmOptionsSchema>) {
    this.options = options
    this.bits = options.bits
    this.signed = options.signed
    this.cost = pwmDriverCost(options.bits, options.unitPulseS, options)
    if (options.edgeLossSlots === 0) this.uniformLevels = uniformDacLevels(options.bits, options.signed)
  }

  encode(values: Float32Array): EncodedInputV1 {
    const { bits, signed, edgeLossSlots } = this.options
    const maxSlots = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1
    const scale = signed ? (2 ** bits - 1) / 2 : maxSlots
    const encoded = allocatePlanes(1, values.length, [maxSlots / scale])
    const planes = encoded.planes
    for (let index = 0; index < values.length; index++) {
      const slots = codeOf(values[index]!, scale, signed ? -maxSlots : 0, maxSlots)
      const magnitude = slots === 0 ? 0 : Math.max(0, Math.abs(slots) - edgeLossSlots)
      planes[index] = (slots < 0 ? -magnitude : magnitude) / maxSlots
    }
    return encoded
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/** Builds a `pwm` encoder from (unvalidated) options. @since 0.1.0 */
export function createPwmEncoder(options: PwmOptions = {}): PwmEncoder {
  return new PwmEncoder(pwmOptionsSchema.parse(options))
}
