import type { ActivityV1, MappingV1, NetworkWorkloadV1, PeakPpaV1, PpaBreakdownEntryV1, PpaReportV1 } from '@cimkit/core'
import { deriveLayerCounts, mergeMeasuredActivity } from '../activity/layer-counts.js'
import type { CountSettings, RoleCounts } from '../activity/layer-counts.js'
import type { FlatComponent } from '../hierarchy/cost-node.js'
import { hierarchyAreaMm2, hierarchyLeakageW } from '../hierarchy/hierarchy-rollup.js'
import { pipelineTiming } from '../pipeline/pipeline-timing.js'
import type { PipelineTiming } from '../pipeline/pipeline-timing.js'

/** Everything needed to cost a mapped network. @since 0.1.0 */
export interface CostMappedNetworkInput extends CountSettings {
  readonly network: NetworkWorkloadV1
  readonly mapping: MappingV1
  readonly activity: ActivityV1 | null
  /** The chip's costed leaves. */
  readonly components: readonly FlatComponent[]
  /** Time of one full MVM (all input cycles), seconds. */
  readonly mvmTimeS: number
  readonly peak: PeakPpaV1
  /**
   * Replaces the pipeline model (PipeLayer's training schedule, for instance); defaults to
   * `pipelineTiming`.
   */
  readonly timing?: PipelineTiming
  /** Extra per-layer counts to add to the derived ones (weight updates, for instance). */
  readonly extraCounts?: Readonly<Record<string, RoleCounts>>
}

/** A PPA report plus the per-layer detail it was built from. @since 0.1.0 */
export interface DetailedPpaReport extends PpaReportV1 {
  readonly timing: PipelineTiming
  /** Chips the mapping needs (more than 1 when the network does not fit one chip). */
  readonly chips: number
  readonly counts: Readonly<Record<string, RoleCounts>>
}

function addCounts(into: RoleCounts, extra: RoleCounts | undefined): RoleCounts {
  if (extra === undefined) return into
  const sum: RoleCounts = { ...into }
  for (const [role, actions] of Object.entries(extra)) {
    const merged: Record<string, number> = { ...(sum[role] ?? {}) }
    for (const [action, count] of Object.entries(actions)) merged[action] = (merged[action] ?? 0) + count
    sum[role] = merged
  }
  return sum
}

function componentEnergyJ(component: FlatComponent, counts: RoleCounts): { energyJ: number; busyS: number } {
  if (component.role === null) return { energyJ: 0, busyS: 0 }
  const actions = counts[component.role]
  if (actions === undefined) return { energyJ: 0, busyS: 0 }
  let energyJ = 0
  let busyS = 0
  for (const [action, count] of Object.entries(actions)) {
    // NOTE: an action the component has no energy for is not its to pay (e.g. a table-costed
    // crossbar pays per `mvm`, a device-costed one per `cellRead`), so it is skipped, not an error.
    energyJ += count * (component.cost.energyPerActionJ[action] ?? 0)
    busyS += count * (component.cost.latencyPerActionS[action] ?? 0)
  }
  return { energyJ, busyS }
}

/**
 * Energy, area, latency and throughput of a network as mapped, per DESIGN.md's report contract:
 * energy = Σ actions × energy per action (activity measured by the engine where present, derived
 * from the mapping elsewhere) + leakage × the steady-state period (each inference holds the chip for
 * one period); area = Σ components × chips needed; latency and throughput from the pipeline.
 * Breakdown: one entry per layer and charged component (area = the component's area × the layer's
 * share of used arrays; latency = the component's busy time spread over its instances in that share),
 * plus `static` entries for leakage.
 * @since 0.1.0
 */
export function costMappedNetwork(input: CostMappedNetworkInput): DetailedPpaReport {
  const { network, mapping, components } = input
  const timing = input.timing ?? pipelineTiming(network.layers, mapping.layers, input.mvmTimeS, input.bytesPerActivation)
  const chips = Math.max(1, Math.ceil(mapping.arraysUsed / Math.max(1, mapping.arraysAvailable)))
  const areaMm2 = hierarchyAreaMm2(components) * chips
  const breakdown: PpaBreakdownEntryV1[] = []
  const counts: Record<string, RoleCounts> = {}
  let dynamicJ = 0
  let macs = 0
  network.layers.forEach((layer, index) => {
    const layerMapping = mapping.layers[index]!
    const derived = deriveLayerCounts(layer, layerMapping, input)
    const layerCounts = addCounts(mergeMeasuredActivity(derived, input.activity, layer.name), input.extraCounts?.[layer.name])
    counts[layer.name] = layerCounts
    macs += layer.mvmsPerInference * layer.inputs * layer.outputs
    const share = mapping.arraysAvailable > 0 ? (layerMapping.arraysPerCopy * layerMapping.replication) / (mapping.arraysAvailable * chips) : 0
    for (const component of components) {
      const { energyJ, busyS } = componentEnergyJ(component, layerCounts)
      if (energyJ === 0 && busyS === 0) continue
      const instances = Math.max(1, component.count * chips * share)
      dynamicJ += energyJ
      breakdown.push({ layer: layer.name, component: component.name, energyJ, areaMm2: component.cost.areaMm2 * component.count * chips * share, latencyS: busyS / instances })
    }
  })
  const staticW = hierarchyLeakageW(components) * chips
  for (const component of components) {
    if (component.cost.leakagePowerW === 0) continue
    breakdown.push({ layer: 'static', component: component.name, energyJ: component.cost.leakagePowerW * component.count * chips * timing.periodS, areaMm2: 0, latencyS: timing.periodS })
  }
  const energyPerInferenceJ = dynamicJ + staticW * timing.periodS
  const operations = 2 * macs
  const tops = (operations * timing.throughputFps) / 1e12
  return {
    areaMm2,
    energyPerInferenceJ,
    latencyS: timing.latencyS,
    throughputFps: timing.throughputFps,
    tops,
    topsPerW: energyPerInferenceJ > 0 ? operations / energyPerInferenceJ / 1e12 : 0,
    topsPerMm2: areaMm2 > 0 ? tops / areaMm2 : 0,
    peak: input.peak,
    breakdown,
    timing,
    chips,
    counts,
  }
}
