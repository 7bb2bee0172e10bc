import { defineComponentCost, InvalidArgumentError } from '@cimkit/core'
import type { ComponentCostModelV1 } from '@cimkit/core'
import { technologyScaleFactors } from '../technology/technology-scaling.js'
import type { TechnologyPoint } from '../technology/technology-scaling.js'

function checkNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new InvalidArgumentError(name, `must be finite and non-negative, got ${value}`)
}

/** A published power figure and the action rates it was drawn at. @since 0.1.0 */
export interface PowerFigure {
  readonly componentClass: string
  /** Dynamic power of ONE instance when busy at `actionsPerSecond`, watts. */
  readonly powerW: number
  /** Actions per second one instance performs while drawing `powerW`, by action name. */
  readonly actionsPerSecond: Readonly<Record<string, number>>
  readonly areaMm2: number
  readonly leakagePowerW?: number
  readonly source: string
}

/**
 * Turns a table's "power at full activity" into energy per action: power ÷ the total action rate
 * (every listed action costs the same), the rule Accelergy/CiMLoop and the PUMA simulator use to
 * port ISAAC's Table 6 (power × time ÷ accesses). The latency of an action is 1 ÷ its rate.
 * @example componentCostFromPower({ componentClass: 'adc-sar', powerW: 2e-3, actionsPerSecond: { convert: 1.28e9 }, areaMm2: 0.0012, source: 'ISAAC Table 6' }).energyPerActionJ.convert // returns 1.5625e-12
 * @since 0.1.0
 */
export function componentCostFromPower(figure: PowerFigure): ComponentCostModelV1 {
  const rates = Object.entries(figure.actionsPerSecond)
  let totalRate = 0
  for (const [action, rate] of rates) {
    if (!(rate > 0)) throw new InvalidArgumentError(`actionsPerSecond.${action}`, `${figure.componentClass}: must be positive, got ${rate}`)
    totalRate += rate
  }
  if (rates.length === 0) throw new InvalidArgumentError('actionsPerSecond', `${figure.componentClass}: name at least one action`)
  const energyPerActionJ: Record<string, number> = {}
  const latencyPerActionS: Record<string, number> = {}
  for (const [action, rate] of rates) {
    energyPerActionJ[action] = figure.powerW / totalRate
    latencyPerActionS[action] = 1 / rate
  }
  return defineComponentCost({
    componentClass: figure.componentClass,
    energyPerActionJ,
    latencyPerActionS,
    leakagePowerW: figure.leakagePowerW ?? 0,
    areaMm2: figure.areaMm2,
    source: figure.source,
  })
}

function scaleRecord(record: Readonly<Record<string, number>>, factor: number): Record<string, number> {
  const scaled: Record<string, number> = {}
  for (const [key, value] of Object.entries(record)) scaled[key] = value * factor
  return scaled
}

/**
 * Moves a cost from the technology point it was published at to another (constant-field scaling,
 * `technologyScaleFactors`); leakage scales like dynamic power (energy ÷ latency). The source gains
 * a note of the scaling. Identity when both points agree.
 * @since 0.1.0
 */
export function scaleComponentCost(cost: ComponentCostModelV1, from: TechnologyPoint, to: TechnologyPoint): ComponentCostModelV1 {
  if (from.nodeNm === to.nodeNm && from.supplyV === to.supplyV) return cost
  const factors = technologyScaleFactors(from, to)
  return defineComponentCost({
    componentClass: cost.componentClass,
    energyPerActionJ: scaleRecord(cost.energyPerActionJ, factors.energy),
    latencyPerActionS: scaleRecord(cost.latencyPerActionS, factors.latency),
    leakagePowerW: (cost.leakagePowerW * factors.energy) / factors.latency,
    areaMm2: cost.areaMm2 * factors.area,
    source: `${cost.source}; scaled ${from.nodeNm} nm/${from.supplyV} V → ${to.nodeNm} nm/${to.supplyV} V (constant-field: E ∝ L·V², A ∝ L², t ∝ L)`,
  })
}

/** Multipliers for a resized component. @since 0.1.0 */
export interface ResizeFactors {
  readonly energy: number
  readonly area: number
  readonly leakage: number
}

/**
 * A resized component (a bigger buffer, a wider array): energy per action, leakage and area are
 * multiplied by the given factors, latency is unchanged; the note is appended to the source.
 * @since 0.1.0
 */
export function resizeComponentCost(cost: ComponentCostModelV1, factors: ResizeFactors, note: string): ComponentCostModelV1 {
  if (factors.energy === 1 && factors.area === 1 && factors.leakage === 1) return cost
  checkNonNegative('factors.energy', factors.energy)
  checkNonNegative('factors.area', factors.area)
  checkNonNegative('factors.leakage', factors.leakage)
  return defineComponentCost({
    componentClass: cost.componentClass,
    energyPerActionJ: scaleRecord(cost.energyPerActionJ, factors.energy),
    latencyPerActionS: cost.latencyPerActionS,
    leakagePowerW: cost.leakagePowerW * factors.leakage,
    areaMm2: cost.areaMm2 * factors.area,
    source: `${cost.source}; ${note}`,
  })
}
