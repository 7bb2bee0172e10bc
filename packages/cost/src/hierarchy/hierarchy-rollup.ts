import type { PeakPpaV1 } from '@cimkit/core'
import type { FlatComponent } from './cost-node.js'

/** Chip area: Σ count × area over the leaves, square millimetres. @since 0.1.0 */
export function hierarchyAreaMm2(components: readonly FlatComponent[]): number {
  let area = 0
  for (const component of components) area += component.count * component.cost.areaMm2
  return area
}

/** Static power of the chip: Σ count × leakage, watts. @since 0.1.0 */
export function hierarchyLeakageW(components: readonly FlatComponent[]): number {
  let power = 0
  for (const component of components) power += component.count * component.cost.leakagePowerW
  return power
}

/** Power of one component kind at peak: dynamic (Σ energy × peak rate) plus leakage, all instances. @since 0.1.0 */
export function componentPeakPowerW(component: FlatComponent): number {
  let perInstance = component.cost.leakagePowerW
  for (const [action, rate] of Object.entries(component.peakActionsPerSecond)) {
    perInstance += (component.cost.energyPerActionJ[action] ?? 0) * rate
  }
  return perInstance * component.count
}

/**
 * Peak throughput and efficiency: every component busy at its peak rate. `macsPerSecond` is the
 * architecture's multiply-accumulates per second at peak; TOPS counts a MAC as 2 operations (the
 * convention of ISAAC's and the survey's Table III figures: 41.3 TOPS = 2 × 2016 IMAs × 128² MACs per
 * 1.6 µs). `powerShare` is keyed by component name and sums to 1.
 * @since 0.1.0
 */
export function peakPpa(components: readonly FlatComponent[], macsPerSecond: number): PeakPpaV1 & { readonly powerW: number; readonly powerShare: Readonly<Record<string, number>>; readonly areaMm2: number } {
  const byName: Record<string, number> = {}
  let powerW = 0
  for (const component of components) {
    const power = componentPeakPowerW(component)
    byName[component.name] = (byName[component.name] ?? 0) + power
    powerW += power
  }
  const powerShare: Record<string, number> = {}
  for (const [name, power] of Object.entries(byName)) powerShare[name] = powerW > 0 ? power / powerW : 0
  const areaMm2 = hierarchyAreaMm2(components)
  const tops = (2 * macsPerSecond) / 1e12
  return {
    tops,
    topsPerW: powerW > 0 ? tops / powerW : 0,
    topsPerMm2: areaMm2 > 0 ? tops / areaMm2 : 0,
    powerW,
    powerShare,
    areaMm2,
  }
}
