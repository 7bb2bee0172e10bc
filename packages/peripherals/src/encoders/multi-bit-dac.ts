import type { ComponentCostModelV1, EncodedInputV1, InputEncoderV1, UniformLevelsV1 } from '@cimkit/core'
import { z } from 'zod'
import { multiBitDacCost } from '../cost/driver-cost.js'
import { bitsField, technologyFields } from '../options/common-options.js'
import { allocatePlanes, codeOf, uniformDacLevels } from './encoded-planes.js'

/** Options of the `dac` encoder. @since 0.1.0 */
export const multiBitDacOptionsSchema = z
  .object({
    bits: bitsField(8),
    signed: z.boolean().default(false).describe('drive negative inputs with negative voltages (symmetric codes ±(2^(bits−1) − 1))'),
    fullScaleV: z.number().positive().default(0.2).describe('read voltage at full scale, volts (0.2 V: ISAAC cell read voltage as modelled in CiMLoop)'),
    integralNonlinearityLsb: z.number().default(0).describe('peak integral nonlinearity of a bow-shaped transfer curve, LSB (0 at both ends of the scale)'),
    ...technologyFields(32, 'ISAAC'),
  })
  .strict()
  .refine((options) => !options.signed || options.bits >= 2, { message: 'a signed DAC needs at least 2 bits', path: ['bits'] })

/** @since 0.1.0 */
export type MultiBitDacOptions = z.input<typeof multiBitDacOptionsSchema>

/**
 * A multi-bit voltage DAC per row (paper 003 §V B, Fig. 10a): one read cycle per input vector, each
 * row driven to one of its levels. Unsigned: 2^B levels over [0, 1]. Signed: symmetric codes
 * ±(2^(B−1) − 1) spanning ±full scale (a sign bit plus B − 1 magnitude bits, so zero is exact), with
 * the input ±1 mapped to ±(2^B − 1)/2 codes so that every input lies within half a step of the
 * uniform 2^B-level grid. An optional bow-shaped integral nonlinearity distorts the levels.
 * @example createMultiBitDac({ bits: 2 }).encode(new Float32Array([0.4])).planes // returns Float32Array [0.3333]
 * @since 0.1.0
 */
export class MultiBitDac implements InputEncoderV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'dac'
  readonly bits: number
  readonly signed: boolean
  readonly cycles = 1
  readonly cost: ComponentCostModelV1
  /** Without nonlinearity the levels are a uniform grid (ties up): a backend may encode them in one pass. */
  readonly uniformLevels?: UniformLevelsV1
  private readonly options: z.output<typeof multiBitDacOptionsSchema>

  constructor(options: z.output<typeof multiBitDacOptionsSchema>) {
    this.options = options
    this.bits = options.bits
    this.signed = options.signed
    this.cost = multiBitDacCost(options.bits, options)
    if (options.integralNonlinearityLsb === 0) this.uniformLevels = uniformDacLevels(options.bits, options.signed)
  }

  /** Full-scale drive, volts (for device I–V models). */
  get fullScaleV(): number {
    return this.options.fullScaleV
  }

  encode(values: Float32Array): EncodedInputV1 {
    const { bits, signed, integralNonlinearityLsb } = this.options
    const maxCode = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1
    const scale = signed ? (2 ** bits - 1) / 2 : maxCode
    const encoded = allocatePlanes(1, values.length, [maxCode / scale])
    const planes = encoded.planes
    const lsb = 1 / maxCode
    for (let index = 0; index < values.length; index++) {
      const code = codeOf(values[index]!, scale, signed ? -maxCode : 0, maxCode)
      let level = code / maxCode
      if (integralNonlinearityLsb !== 0) {
        // Bow-shaped INL: zero at both ends of the scale, peak at mid-scale.
        const t = signed ? (level + 1) / 2 : level
        level += integralNonlinearityLsb * 4 * t * (1 - t) * lsb
        level = level > 1 ? 1 : level < -1 ? -1 : level
      }
      planes[index] = level
    }
    return encoded
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/** Builds a `dac` encoder from (unvalidated) options. @since 0.1.0 */
export function createMultiBitDac(options: MultiBitDacOptions = {}): MultiBitDac {
  return new MultiBitDac(multiBitDacOptionsSchema.parse(options))
}
