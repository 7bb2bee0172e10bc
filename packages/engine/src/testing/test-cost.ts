import type { ComponentCostModelV1 } from '@cimkit/core'

/** A zero cost model for the engine's test doubles, which model behaviour only. @since 0.1.0 */
export function testDoubleCost(componentClass: string, action: string): ComponentCostModelV1 {
  return {
    specificationVersion: 'v1',
    componentClass,
    energyPerActionJ: { [action]: 0 },
    latencyPerActionS: { [action]: 0 },
    leakagePowerW: 0,
    areaMm2: 0,
    source: 'engine test double: behaviour only, no cost (the peripheral plugins carry costs)',
  }
}
