import { defineComponentCost } from '@cimkit/core'
import { scaleComponentCost } from '@cimkit/cost'
import type { TechnologyPoint } from '@cimkit/cost'
import type { ComponentCostModelV1 } from '@cimkit/core'

/**
 * Horowitz, "Computing's energy problem (and what we can do about it)", ISSCC 2014, 45 nm, 0.9 V:
 * 8-bit integer add 0.03 pJ and 36 µm². One bit position (a full adder) is taken as 1/8 of that.
 */
const HOROWITZ_45NM: TechnologyPoint = { nodeNm: 45, supplyV: 0.9 }
const ADD_8BIT_ENERGY_J = 0.03e-12
const ADD_8BIT_AREA_MM2 = 36e-6
const SOURCE = 'Horowitz, ISSCC 2014 (45 nm, 0.9 V): 8-bit add 0.03 pJ, 36 µm²; per bit ÷ 8'

/**
 * A `widthBits`-wide ripple adder (or counter increment) at a technology point: energy and area in
 * proportion to the width, moved from 45 nm by constant-field scaling; `action` names what one
 * operation is. Latency per operation: one `cycleS`.
 * @example adderCost('popcount', 'add', 1, { nodeNm: 28, supplyV: 0.9 }, 1e-9).energyPerActionJ.add // returns ~2.33e-15
 * @since 0.1.0
 */
export function adderCost(componentClass: string, action: string, widthBits: number, technology: TechnologyPoint, cycleS: number, extraSource = ''): ComponentCostModelV1 {
  const base = defineComponentCost({
    componentClass,
    energyPerActionJ: { [action]: (ADD_8BIT_ENERGY_J * widthBits) / 8 },
    latencyPerActionS: { [action]: cycleS },
    areaMm2: (ADD_8BIT_AREA_MM2 * widthBits) / 8,
    source: `${SOURCE} × ${widthBits} bit${widthBits === 1 ? '' : 's'}${extraSource}`,
  })
  const scaled = scaleComponentCost(base, HOROWITZ_45NM, technology)
  // NOTE: keep the clock as the latency; scaling would shrink it with the node.
  return defineComponentCost({ ...scaled, latencyPerActionS: { [action]: cycleS } })
}
