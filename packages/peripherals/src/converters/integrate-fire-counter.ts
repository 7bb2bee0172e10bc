import type { ComponentCostModelV1, ConversionRangeV1, OutputConverterV1, RandomSource } from '@cimkit/core'
import { defineComponentCost, InvalidArgumentError } from '@cimkit/core'
import { z } from 'zod'
import { publishedAnchors } from '../cost/published-anchors.js'
import { bitsField, technologyFields } from '../options/common-options.js'
import { describeScaling, resolveDesignPoint } from '../technology/design-point.js'
import { ScratchBuffer } from './scratch-buffer.js'

/** Options of the `integrate-fire` converter. @since 0.1.0 */
export const integrateFireOptionsSchema = z
  .object({
    bits: bitsField(8),
    thresholdMismatchStd: z.number().min(0).max(0.5).default(0).describe('static relative σ of each neuron’s firing threshold (a gain error per column)'),
    noiseStdLsb: z.number().min(0).default(0).describe('integrated noise σ per conversion, LSB (one LSB = one spike’s charge)'),
    ...technologyFields(32, 'ISAAC-era node; PipeLayer does not state one in our sources'),
  })
  .strict()

/** @since 0.1.0 */
export type IntegrateFireOptions = z.input<typeof integrateFireOptionsSchema>

/** A ripple counter toggles on average 2 flip-flops per increment (Σ 2^−k). */
const TOGGLES_PER_INCREMENT = 2

/**
 * PipeLayer's integrate-and-fire output (Song et al., HPCA 2017; paper 000 Table 2 "IFC"): the column
 * charge integrates on a capacitor; each time it reaches the threshold the neuron fires, subtracts
 * one threshold of charge and increments a B-bit counter. The count is the charge divided by the
 * threshold, rounded DOWN (the residue below threshold is never counted), saturating at 2^B − 1;
 * negative charge never fires. Output: range.min + count·LSB with LSB = span/(2^B − 1).
 *
 * Cost per conversion: the mean number of fires for a uniformly distributed input, (2^B − 1)/2, each
 * one comparator decision plus 2 counter-latch toggles, costed like MNSIM's 28 nm sense amplifier;
 * latency: 2^B − 1 decision periods (full scale); area: comparator + B counter latches.
 * @since 0.1.0
 */
export class IntegrateFireCounter implements OutputConverterV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'integrate-fire'
  readonly bits: number
  readonly cost: ComponentCostModelV1
  private readonly gains = new ScratchBuffer()
  private readonly noise = new ScratchBuffer()

  constructor(private readonly options: z.output<typeof integrateFireOptionsSchema>) {
    this.bits = options.bits
    const anchor = publishedAnchors.mnsimSenseAmp
    const point = resolveDesignPoint(anchor, options)
    const fires = 2 ** options.bits - 1
    const decisionJ = (anchor.powerW / anchor.decisionRateHz) * point.scale.energy
    this.cost = defineComponentCost({
      componentClass: 'integrate-fire',
      energyPerActionJ: { convert: (fires / 2) * decisionJ * (1 + TOGGLES_PER_INCREMENT) },
      latencyPerActionS: { convert: (fires * point.scale.latency) / anchor.decisionRateHz },
      areaMm2: (1 + options.bits) * anchor.areaMm2 * point.scale.area,
      source: `fire = comparator decision + 2 counter-latch toggles, ${anchor.source}; ${(fires / 2).toFixed(1)} fires per conversion on average; ${describeScaling(anchor, point)}`,
    })
  }

  convert(values: Float32Array, columns: number, range: ConversionRangeV1, random: RandomSource, out: Float32Array): void {
    if (!(range.max > range.min)) throw new InvalidArgumentError('range', `max must exceed min, got [${range.min}, ${range.max}]`)
    if (values.length % columns !== 0) throw new InvalidArgumentError('columns', `${values.length} values are not a multiple of ${columns} columns`)
    if (out.length < values.length) throw new InvalidArgumentError('out', `needs ${values.length} values, has ${out.length}`)
    const maxCount = 2 ** this.bits - 1
    const span = range.max - range.min
    const gains = this.gains.take(columns)
    if (this.options.thresholdMismatchStd > 0) {
      random.stream('mismatch', 'threshold').fillNormal(gains, 0, this.options.thresholdMismatchStd)
      for (let column = 0; column < columns; column++) gains[column] = 1 / Math.max(0.5, 1 + gains[column]!)
    } else gains.fill(1)
    const noise = this.options.noiseStdLsb > 0 ? this.noise.take(values.length) : null
    if (noise !== null) random.fillNormal(noise, 0, this.options.noiseStdLsb)
    for (let index = 0; index < values.length; index++) {
      const chargeLsb = ((values[index]! - range.min) / span) * maxCount * gains[index % columns]! + (noise === null ? 0 : noise[index]!)
      // NOTE: 1e-4 LSB of slack keeps a float32 input that sits on a level at that level despite rounding.
      let count = Math.floor(chargeLsb + 1e-4)
      count = count < 0 ? 0 : count > maxCount ? maxCount : count
      out[index] = range.min + (count / maxCount) * span
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/**
 * Builds an `integrate-fire` converter from (unvalidated) options.
 * @example createIntegrateFireCounter({ bits: 4 }).bits // returns 4
 * @since 0.1.0
 */
export function createIntegrateFireCounter(options: IntegrateFireOptions = {}): IntegrateFireCounter {
  return new IntegrateFireCounter(integrateFireOptionsSchema.parse(options))
}
