import { InvalidArgumentError } from '@cimkit/core'
import type { ComponentCostModelV1 } from '@cimkit/core'

/** Fields of a technique's added-component cost, without the spec tag. @since 0.1.0 */
export interface TechniqueCostFields {
  readonly componentClass: string
  /** Joules per action, by action name (the actions the technique records). */
  readonly energyPerActionJ: Readonly<Record<string, number>>
  /** Seconds per action, by action name. */
  readonly latencyPerActionS?: Readonly<Record<string, number>>
  /** Square millimetres of one instance. */
  readonly areaMm2: number
  /** Static power of one instance, watts. */
  readonly leakagePowerW?: number
  readonly source: string
}

/**
 * Builds a `ComponentCostModelV1` for hardware or actions a technique adds, refusing a missing
 * source or a negative or non-finite number.
 * @example techniqueCost({ componentClass: 'ecc-decoder', energyPerActionJ: { decode: 1e-13 }, areaMm2: 1e-4, source: 'derived' })
 * @since 0.1.0
 */
export function techniqueCost(fields: TechniqueCostFields): ComponentCostModelV1 {
  if (fields.source.trim().length === 0) throw new InvalidArgumentError('source', `${fields.componentClass}: every cost names its source`)
  const check = (name: string, value: number): void => {
    if (!(Number.isFinite(value) && value >= 0)) throw new InvalidArgumentError(name, `${fields.componentClass}: must be finite and non-negative, got ${value}`)
  }
  for (const [action, value] of Object.entries(fields.energyPerActionJ)) check(`energyPerActionJ.${action}`, value)
  for (const [action, value] of Object.entries(fields.latencyPerActionS ?? {})) check(`latencyPerActionS.${action}`, value)
  check('areaMm2', fields.areaMm2)
  check('leakagePowerW', fields.leakagePowerW ?? 0)
  return {
    specificationVersion: 'v1',
    componentClass: fields.componentClass,
    energyPerActionJ: { ...fields.energyPerActionJ },
    latencyPerActionS: { ...(fields.latencyPerActionS ?? {}) },
    leakagePowerW: fields.leakagePowerW ?? 0,
    areaMm2: fields.areaMm2,
    source: fields.source,
  }
}

/** One entry of `ReliabilityMiddlewareV1.addedComponents`. @since 0.1.0 */
export interface AddedComponent {
  readonly name: string
  readonly count: number
  readonly cost: ComponentCostModelV1
}
