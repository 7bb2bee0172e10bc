import { defineComponentCost } from '@cimkit/core'
import type { ComponentCostModelV1 } from '@cimkit/core'
import { z } from 'zod'
import { describeScaling, resolveDesignPoint } from '../technology/design-point.js'
import { publishedAnchors } from './published-anchors.js'

/** Options of a sample-and-hold cost model. @since 0.1.0 */
export const sampleHoldOptionsSchema = z
  .object({
    technologyNodeNm: z.number().positive().default(32).describe('feature size, nanometres (ISAAC: 32)'),
    supplyV: z.number().positive().optional().describe("supply, volts (default: the node's nominal supply)"),
  })
  .strict()

/** @since 0.1.0 */
export type SampleHoldOptions = z.input<typeof sampleHoldOptionsSchema>

/**
 * One column sample-and-hold (action `sample`): ISAAC's 9.8 nW and 3.9e-8 mm² per S&H at 32 nm, one
 * sample per 100 ns crossbar cycle, moved to the requested node and supply.
 * @example createSampleHoldCost().energyPerActionJ.sample // returns ~9.8e-16
 * @since 0.1.0
 */
export function createSampleHoldCost(options: SampleHoldOptions = {}): ComponentCostModelV1 {
  const parsed = sampleHoldOptionsSchema.parse(options)
  const anchor = publishedAnchors.isaacSampleHold
  const point = resolveDesignPoint(anchor, { technologyNodeNm: parsed.technologyNodeNm, supplyV: parsed.supplyV })
  return defineComponentCost({
    componentClass: 'sample-hold',
    energyPerActionJ: { sample: anchor.powerW * anchor.cycleS * point.scale.energy },
    latencyPerActionS: { sample: anchor.cycleS * point.scale.latency },
    areaMm2: anchor.areaMm2 * point.scale.area,
    source: `${anchor.source}; ${describeScaling(anchor, point)}`,
  })
}
