import { expect } from 'vitest'
import type { ComponentCostModelV1 } from '../spec/cost/v1/component-cost-model.js'

/** Checks a component cost model is complete: finite non-negative numbers and a named source. @since 0.1.0 */
export function checkComponentCostModel(cost: ComponentCostModelV1): void {
  expect(cost.specificationVersion).toBe('v1')
  expect(cost.componentClass.length).toBeGreaterThan(0)
  expect(cost.source.trim().length, 'cost.source names where the numbers come from').toBeGreaterThan(0)
  for (const value of [cost.areaMm2, cost.leakagePowerW, ...Object.values(cost.energyPerActionJ), ...Object.values(cost.latencyPerActionS)]) {
    expect(Number.isFinite(value) && value >= 0, `cost value ${value} is finite and non-negative`).toBe(true)
  }
}

/** Checks `toJSON()` survives a JSON round trip unchanged (serialisable state). @since 0.1.0 */
export function checkSerialisable(component: { toJSON(): Record<string, unknown> }): void {
  const json = component.toJSON()
  expect(JSON.parse(JSON.stringify(json))).toEqual(json)
}
