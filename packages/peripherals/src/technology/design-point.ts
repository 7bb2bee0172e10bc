import { technologyScaleFactors } from '@cimkit/cost'
import type { TechnologyScaleFactors } from '@cimkit/cost'
import { nominalSupplyV } from './nominal-supply.js'

/** Where a published component figure was measured or designed. @since 0.1.0 */
export interface CostAnchor {
  readonly nodeNm: number
  readonly supplyV: number
}

/** A requested design point; a missing supply means the node's nominal supply. @since 0.1.0 */
export interface DesignPoint {
  readonly technologyNodeNm: number
  readonly supplyV?: number | undefined
}

/** The resolved design point and the multipliers from the anchor to it. @since 0.1.0 */
export interface ResolvedDesignPoint {
  readonly nodeNm: number
  readonly supplyV: number
  readonly scale: TechnologyScaleFactors
}

/**
 * Moves a published figure from its anchor to a design point with @cimkit/cost's
 * `technologyScaleFactors` (energy ∝ L·V², the CV² rule; area ∝ L²; delay ∝ L).
 * @example resolveDesignPoint({ nodeNm: 32, supplyV: 0.9 }, { technologyNodeNm: 32 }).scale.energy // returns 1
 * @since 0.1.0
 */
export function resolveDesignPoint(anchor: CostAnchor, point: DesignPoint): ResolvedDesignPoint {
  const nodeNm = point.technologyNodeNm
  const supplyV = point.supplyV ?? nominalSupplyV(nodeNm)
  return { nodeNm, supplyV, scale: technologyScaleFactors(anchor, { nodeNm, supplyV }) }
}

/** Human-readable scaling note appended to cost sources. @since 0.1.0 */
export function describeScaling(anchor: CostAnchor, point: ResolvedDesignPoint): string {
  if (anchor.nodeNm === point.nodeNm && anchor.supplyV === point.supplyV) return 'at its published design point'
  return `scaled from ${anchor.nodeNm} nm/${anchor.supplyV} V to ${point.nodeNm} nm/${round(point.supplyV)} V by constant-field scaling (energy ∝ L·V², area ∝ L², delay ∝ L; @cimkit/cost technologyScaleFactors)`
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
