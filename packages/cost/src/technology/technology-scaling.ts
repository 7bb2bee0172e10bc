import { InvalidArgumentError } from '@cimkit/core'

/** A circuit's design point: feature size and supply. @since 0.1.0 */
export interface TechnologyPoint {
  /** Feature size, nanometres. */
  readonly nodeNm: number
  /** Supply voltage, volts. */
  readonly supplyV: number
}

/** Energy, area and latency multipliers from one technology point to another. @since 0.1.0 */
export interface TechnologyScaleFactors {
  readonly energy: number
  readonly area: number
  readonly latency: number
}

/**
 * Multipliers that move a published component figure to another node and supply, by classical
 * constant-field (Dennard) scaling: switched capacitance ∝ L, so dynamic energy ∝ L·V² (the CV²
 * rule), area ∝ L², gate delay ∝ L. These are the first-order rules NeuroSim and MNSIM apply when
 * they port component tables between nodes; below ~22 nm, where V no longer scales with L, pass
 * each node's real supply voltage so the V² term carries the difference.
 * @example technologyScaleFactors({ nodeNm: 32, supplyV: 1 }, { nodeNm: 65, supplyV: 1.2 }).area // returns ~4.13
 * @since 0.1.0
 */
export function technologyScaleFactors(from: TechnologyPoint, to: TechnologyPoint): TechnologyScaleFactors {
  for (const [name, point] of [['from', from], ['to', to]] as const) {
    if (!(point.nodeNm > 0) || !(point.supplyV > 0)) {
      throw new InvalidArgumentError(name, `node and supply must be positive, got ${point.nodeNm} nm, ${point.supplyV} V`)
    }
  }
  const length = to.nodeNm / from.nodeNm
  const voltage = to.supplyV / from.supplyV
  return { energy: length * voltage * voltage, area: length * length, latency: length }
}
