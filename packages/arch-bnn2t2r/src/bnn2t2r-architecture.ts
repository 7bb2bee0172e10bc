import type {
  ActivityV1,
  ArchitectureV1,
  ArrayOrganizationV1,
  ComponentNodeV1,
  HardwareV1,
  LayerMappingV1,
  MappingV1,
  NetworkWorkloadV1,
  PeakPpaV1,
  PpaBreakdownEntryV1,
  PpaReportV1,
} from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { flattenHierarchy, hierarchyAreaMm2, hierarchyLeakageW, mergeMeasuredActivity, peakPpa } from '@cimkit/cost'
import type { FlatComponent, RoleCounts } from '@cimkit/cost'
import { layerBlockSchedule } from './block-schedule.js'
import type { LayerBlockSchedule } from './block-schedule.js'
import { bnn2t2rOptionsSchema } from './bnn2t2r-options.js'
import type { Bnn2t2rOptions, ResolvedBnn2t2rOptions } from './bnn2t2r-options.js'
import { buildBnn2t2rChip } from './build-bnn2t2r-chip.js'
import type { Bnn2t2rChip } from './build-bnn2t2r-chip.js'

/** One layer's schedule with what it cost. @since 0.1.0 */
export interface Bnn2t2rLayerReport extends LayerBlockSchedule {
  readonly energyJ: number
  /** Cycles × clock for all of the layer's matrix-vector products, seconds. */
  readonly latencyS: number
}

/**
 * Writing the network's weights once (paper 004 §2.1: device by device, one SET and one RESET pulse
 * per 2T2R bit, one pulse per 1T1R bit, no verify).
 * @since 0.1.0
 */
export interface Bnn2t2rProgramming {
  readonly pulses: number
  /** Pulses × the device's energy per programming pulse, joules. */
  readonly energyJ: number
  /** Pulses × the device's pulse width (sequential programming), seconds. */
  readonly timeS: number
}

/** A PPA report with the block schedule behind it. @since 0.1.0 */
export interface Bnn2t2rReport extends PpaReportV1 {
  readonly programming: Bnn2t2rProgramming
  readonly layers: readonly Bnn2t2rLayerReport[]
  readonly cycleS: number
  /** Chips the network needs (more than 1 when its blocks exceed `basicCells`). */
  readonly chips: number
  /** Counts per layer by role and action (derived, or as measured by a functional run). */
  readonly counts: Readonly<Record<string, RoleCounts>>
}

/**
 * The digital in-memory BNN of paper 004 (Hirtzlin et al., Front. Neurosci. 2020, §2.4, Fig. 3):
 * weights in 2T2R kilobit blocks read by XNOR precharge sense amplifiers, popcount counters, a
 * popcount tree and integer thresholds. Every layer has its own blocks (weights are programmed once),
 * a single inference runs the layers one after another, and a stream of inferences pipelines them.
 * @since 0.1.0
 */
export class Bnn2t2rArchitecture implements ArchitectureV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'bnn2t2r'
  /**
   * Binary cells read one synapse at a time by the PCSA (`sensing: per-cell`, read by the engine's
   * per-cell path). NOTE: `sensing` is not an `ArrayOrganizationV1` field yet; the engine reads it
   * from the organization object.
   */
  readonly arrays: ArrayOrganizationV1 & { readonly sensing: 'per-cell' }
  readonly options: ResolvedBnn2t2rOptions

  constructor(options: Bnn2t2rOptions = {}) {
    this.options = bnn2t2rOptionsSchema.parse(options)
    const n = this.options.blockSize
    this.arrays = {
      rows: n,
      // n bits per row: a 2T2R bit has two devices on its own bit-line pair (BL, BLb), 2n columns.
      columns: this.options.cell === '2t2r' ? 2 * n : n,
      weightBits: 1,
      bitsPerCell: 1,
      inputBits: 1,
      weightMapping: this.options.cell === '2t2r' ? 'complementary-binary' : 'offset-reference',
      conversion: 'per-input-bit',
      columnsPerConverter: 1,
      sensing: 'per-cell',
    }
  }

  chip(hardware: HardwareV1): Bnn2t2rChip {
    return buildBnn2t2rChip(this.options, hardware)
  }

  hierarchy(hardware: HardwareV1): ComponentNodeV1 {
    return this.chip(hardware).root
  }

  /** Block schedule of every layer in the configured mode. */
  schedule(network: NetworkWorkloadV1): LayerBlockSchedule[] {
    if (network.layers.length === 0) throw new InvalidArgumentError('network', 'has no layers')
    return network.layers.map((layer) => layerBlockSchedule(layer, this.options.blockSize, this.options.mode))
  }

  map(network: NetworkWorkloadV1): MappingV1 {
    const n = this.options.blockSize
    let firstBlock = 0
    const layers: LayerMappingV1[] = this.schedule(network).map((schedule, index) => {
      const layer = network.layers[index]!
      const mapping: LayerMappingV1 = {
        layer: schedule.layer,
        rowBlocks: schedule.tileRows,
        columnBlocks: schedule.tileColumns,
        arraysPerCopy: schedule.blocks,
        replication: 1,
        utilization: (layer.inputs * layer.outputs) / (schedule.blocks * n * n),
        placement: { mode: schedule.mode, firstBlock, blocks: schedule.blocks, cyclesPerMvm: schedule.cyclesPerMvm },
      }
      firstBlock += schedule.blocks
      return mapping
    })
    return { architecture: this.type, layers, arraysUsed: firstBlock, arraysAvailable: this.options.basicCells }
  }

  /** Counts one inference of a scheduled layer causes, by role (names of the hierarchy's leaves). */
  private derivedCounts(schedule: LayerBlockSchedule, chip: Bnn2t2rChip): RoleCounts {
    return {
      array: { mvm: schedule.blockReads, cellRead: schedule.decisions * chip.devicesPerBit },
      adc: { convert: schedule.decisions },
      popcount: { add: schedule.decisions },
      accumulate: { add: schedule.accumulations },
      threshold: { compare: schedule.thresholds },
    }
  }

  cost(network: NetworkWorkloadV1, mapping: MappingV1, activity: ActivityV1 | null, hardware: HardwareV1): Bnn2t2rReport {
    const chip = this.chip(hardware)
    const components = flattenHierarchy(chip.root)
    const schedules = this.schedule(network)
    const chips = Math.max(1, Math.ceil(mapping.arraysUsed / Math.max(1, mapping.arraysAvailable)))
    const breakdown: PpaBreakdownEntryV1[] = []
    const counts: Record<string, RoleCounts> = {}
    const layers: Bnn2t2rLayerReport[] = []
    let dynamicJ = 0
    let latencyS = 0
    let periodS = 0
    let macs = 0
    schedules.forEach((schedule, index) => {
      const layer = network.layers[index]!
      const layerCounts = mergeMeasuredActivity(this.derivedCounts(schedule, chip), activity, layer.name)
      counts[layer.name] = layerCounts
      const layerS = layer.mvmsPerInference * schedule.cyclesPerMvm * chip.cycleS
      const share = schedule.blocks / (this.options.basicCells * chips)
      let layerJ = 0
      for (const component of components) {
        const energyJ = actionEnergyJ(component, layerCounts)
        if (energyJ === 0) continue
        layerJ += energyJ
        breakdown.push({ layer: layer.name, component: component.name, energyJ, areaMm2: component.cost.areaMm2 * component.count * chips * share, latencyS: layerS })
      }
      dynamicJ += layerJ
      latencyS += layerS
      periodS = Math.max(periodS, layerS)
      macs += schedule.synapses
      layers.push({ ...schedule, energyJ: layerJ, latencyS: layerS })
    })
    const staticW = hierarchyLeakageW(components) * chips
    if (staticW > 0) breakdown.push({ layer: 'static', component: 'leakage', energyJ: staticW * periodS, areaMm2: 0, latencyS: periodS })
    const energyPerInferenceJ = dynamicJ + staticW * periodS
    const areaMm2 = hierarchyAreaMm2(components) * chips
    const throughputFps = periodS > 0 ? 1 / periodS : 0
    const tops = (2 * macs * throughputFps) / 1e12
    return {
      areaMm2,
      energyPerInferenceJ,
      latencyS,
      throughputFps,
      tops,
      topsPerW: energyPerInferenceJ > 0 ? (2 * macs) / energyPerInferenceJ / 1e12 : 0,
      topsPerMm2: areaMm2 > 0 ? tops / areaMm2 : 0,
      peak: this.peakOf(components, chip),
      breakdown,
      layers,
      programming: this.programming(network, hardware),
      cycleS: chip.cycleS,
      chips,
      counts,
    }
  }

  /** Energy and time to program every weight of `network` once with the configured device. */
  programming(network: NetworkWorkloadV1, hardware: HardwareV1): Bnn2t2rProgramming {
    const weights = network.layers.reduce((sum, layer) => sum + layer.inputs * layer.outputs, 0)
    const pulses = weights * (this.options.cell === '2t2r' ? 2 : 1)
    const cost = hardware.device?.cost
    return { pulses, energyJ: pulses * (cost?.writeEnergyPerPulseJ ?? 0), timeS: pulses * (cost?.writePulseS ?? 0) }
  }

  peak(hardware: HardwareV1): PeakPpaV1 {
    const chip = this.chip(hardware)
    return this.peakOf(flattenHierarchy(chip.root), chip)
  }

  private peakOf(components: readonly FlatComponent[], chip: Bnn2t2rChip): PeakPpaV1 {
    const { tops, topsPerW, topsPerMm2, powerW, powerShare } = peakPpa(components, chip.macsPerSecond)
    return { tops, topsPerW, topsPerMm2, powerW, powerShare }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

function actionEnergyJ(component: FlatComponent, counts: RoleCounts): number {
  if (component.role === null) return 0
  const actions = counts[component.role]
  if (actions === undefined) return 0
  let energyJ = 0
  for (const [action, count] of Object.entries(actions)) energyJ += count * (component.cost.energyPerActionJ[action] ?? 0)
  return energyJ
}

/**
 * Builds the `bnn2t2r` architecture from (unvalidated) options.
 * @example createBnn2t2rArchitecture({ technologyNodeNm: 28, supplyV: 0.9 }).arrays.weightMapping // returns 'complementary-binary'
 * @since 0.1.0
 */
export function createBnn2t2rArchitecture(options: Bnn2t2rOptions = {}): Bnn2t2rArchitecture {
  return new Bnn2t2rArchitecture(options)
}
