import type { ComponentCostModelV1 } from '@cimkit/core'

/** The fields of a cost model, without the spec tag. @since 0.1.0 */
export interface ComponentCostFields {
  readonly componentClass: string
  readonly energyPerActionJ: Readonly<Record<string, number>>
  readonly latencyPerActionS: Readonly<Record<string, number>>
  readonly leakagePowerW?: number
  readonly areaMm2: number
  readonly source: string
}

/**
 * Builds a frozen `ComponentCostModelV1`.
 * @example componentCost({ componentClass: 'adc-sar', energyPerActionJ: { convert: 1.5625e-12 }, latencyPerActionS: { convert: 7.8e-10 }, areaMm2: 0.0012, source: 'ISAAC Table 6' }).leakagePowerW // returns 0
 * @since 0.1.0
 */
export function componentCost(fields: ComponentCostFields): ComponentCostModelV1 {
  return Object.freeze({
    specificationVersion: 'v1' as const,
    componentClass: fields.componentClass,
    energyPerActionJ: Object.freeze({ ...fields.energyPerActionJ }),
    latencyPerActionS: Object.freeze({ ...fields.latencyPerActionS }),
    leakagePowerW: fields.leakagePowerW ?? 0,
    areaMm2: fields.areaMm2,
    source: fields.source,
  })
}
