import { InvalidArgumentError } from '../../../errors/invalid-argument-error.js'
import type { ComponentCostModelV1 } from './component-cost-model.js'

/** The fields of a component cost, without the spec tag. @since 0.1.0 */
export interface ComponentCostFields {
  readonly componentClass: string
  /** Joules per action, by action name. */
  readonly energyPerActionJ: Readonly<Record<string, number>>
  /** Seconds one action occupies the component, by action name (default: none listed). */
  readonly latencyPerActionS?: Readonly<Record<string, number>>
  /** Static power, watts (default 0). */
  readonly leakagePowerW?: number
  /** Square millimetres. */
  readonly areaMm2: number
  /** Paper, table or scaling rule the numbers come from. */
  readonly source: string
}

function checkNonNegative(componentClass: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new InvalidArgumentError(name, `${componentClass}: must be finite and non-negative, got ${value}`)
}

/**
 * Builds a frozen `ComponentCostModelV1`, refusing a missing source or a negative or non-finite
 * number: the one constructor every plugin uses for its cost models.
 * @example defineComponentCost({ componentClass: 'adc-sar', energyPerActionJ: { convert: 1.5625e-12 }, areaMm2: 0.0012, source: 'ISAAC Table 6' }).leakagePowerW // returns 0
 * @since 0.1.0
 */
export function defineComponentCost(fields: ComponentCostFields): ComponentCostModelV1 {
  if (fields.source.trim().length === 0) throw new InvalidArgumentError('source', `${fields.componentClass}: every cost names its source`)
  for (const [action, energy] of Object.entries(fields.energyPerActionJ)) checkNonNegative(fields.componentClass, `energyPerActionJ.${action}`, energy)
  for (const [action, latency] of Object.entries(fields.latencyPerActionS ?? {})) checkNonNegative(fields.componentClass, `latencyPerActionS.${action}`, latency)
  checkNonNegative(fields.componentClass, 'leakagePowerW', fields.leakagePowerW ?? 0)
  checkNonNegative(fields.componentClass, 'areaMm2', fields.areaMm2)
  return Object.freeze({
    specificationVersion: 'v1' as const,
    componentClass: fields.componentClass,
    energyPerActionJ: Object.freeze({ ...fields.energyPerActionJ }),
    latencyPerActionS: Object.freeze({ ...(fields.latencyPerActionS ?? {}) }),
    leakagePowerW: fields.leakagePowerW ?? 0,
    areaMm2: fields.areaMm2,
    source: fields.source,
  })
}
