import { defineComponentCost } from '@cimkit/core'
import type { ComponentCostModelV1 } from '@cimkit/core'
import { describeScaling, resolveDesignPoint } from '../technology/design-point.js'
import { publishedAnchors } from './published-anchors.js'

/**
 * Transistors of a precharge sense amplifier: two cross-coupled inverters (4), two precharge PMOS
 * and the discharge enable (paper 004 Fig. 2a, after Zhao et al. 2009).
 */
const PCSA_TRANSISTORS = 7
/** Paper 004 adds four transistors in the discharge branches to compute XNOR with the input. */
const XNOR_EXTRA_TRANSISTORS = 4

/** Sense-amplifier flavours. @since 0.1.0 */
export type SenseAmpKind = 'voltage-sa' | 'pcsa' | 'pcsa-xnor'

/**
 * One sense amplifier, one decision per action (`convert`), costed like MNSIM's 28 nm 1-bit sense
 * amplifier. The XNOR-PCSA's extra transistors scale its area and switched capacitance by
 * (7 + 4)/7 (transistor count, a first-order proxy).
 * @example senseAmpCost('pcsa', { technologyNodeNm: 28 }).energyPerActionJ.convert // returns ~1.63e-15
 * @since 0.1.0
 */
export function senseAmpCost(kind: SenseAmpKind, point: { readonly technologyNodeNm: number; readonly supplyV?: number | undefined }): ComponentCostModelV1 {
  const anchor = publishedAnchors.mnsimSenseAmp
  const resolved = resolveDesignPoint(anchor, point)
  const sizeFactor = kind === 'pcsa-xnor' ? (PCSA_TRANSISTORS + XNOR_EXTRA_TRANSISTORS) / PCSA_TRANSISTORS : 1
  const xnorNote = kind === 'pcsa-xnor' ? '; XNOR variant: +4 transistors on a 7-transistor PCSA (paper 004), area and energy × 11/7' : ''
  return defineComponentCost({
    componentClass: `sense-amp-${kind}`,
    energyPerActionJ: { convert: (anchor.powerW / anchor.decisionRateHz) * sizeFactor * resolved.scale.energy },
    latencyPerActionS: { convert: resolved.scale.latency / anchor.decisionRateHz },
    areaMm2: anchor.areaMm2 * sizeFactor * resolved.scale.area,
    source: `${anchor.source}${xnorNote}; ${describeScaling(anchor, resolved)}`,
  })
}
