import { defineComponentCost } from '@cimkit/core'
import type { ComponentCostModelV1 } from '@cimkit/core'
import { z } from 'zod'
import { describeScaling, resolveDesignPoint } from '../technology/design-point.js'
import { publishedAnchors } from './published-anchors.js'

/** ISAAC's shift-and-add units accumulate 16-bit outputs (16-bit fixed point, ISAAC Sec. 5). */
const ISAAC_WIDTH_BITS = 16

/** Options of a shift-and-add cost model. @since 0.1.0 */
export const shiftAddOptionsSchema = z
  .object({
    widthBits: z.number().int().min(1).max(64).default(ISAAC_WIDTH_BITS).describe('accumulator width, bits (ISAAC: 16)'),
    technologyNodeNm: z.number().positive().default(32).describe('feature size, nanometres (ISAAC: 32)'),
    supplyV: z.number().positive().optional().describe("supply, volts (default: the node's nominal supply)"),
  })
  .strict()

/** @since 0.1.0 */
export type ShiftAddOptions = z.input<typeof shiftAddOptionsSchema>

/**
 * One digital shift-and-add unit (action `add`): ISAAC's 0.05 mW and 6e-5 mm² per unit at 32 nm,
 * at 2.56 G adds per second (19.5 fJ per add); energy and area scale linearly with the width
 * (a ripple adder and its register).
 * @example createShiftAddCost().energyPerActionJ.add // returns ~1.95e-14
 * @since 0.1.0
 */
export function createShiftAddCost(options: ShiftAddOptions = {}): ComponentCostModelV1 {
  const parsed = shiftAddOptionsSchema.parse(options)
  const anchor = publishedAnchors.isaacShiftAdd
  const point = resolveDesignPoint(anchor, { technologyNodeNm: parsed.technologyNodeNm, supplyV: parsed.supplyV })
  const width = parsed.widthBits / ISAAC_WIDTH_BITS
  return defineComponentCost({
    componentClass: 'shift-add',
    energyPerActionJ: { add: (anchor.powerW / anchor.addsPerSecond) * width * point.scale.energy },
    latencyPerActionS: { add: point.scale.latency / anchor.addsPerSecond },
    areaMm2: anchor.areaMm2 * width * point.scale.area,
    source: `${anchor.source}; ${parsed.widthBits}-bit (∝ width from 16 bits); ${describeScaling(anchor, point)}`,
  })
}
