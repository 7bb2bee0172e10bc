import type {
  ActivityV1,
  ArchitectureV1,
  ArrayOrganizationV1,
  ComponentNodeV1,
  HardwareV1,
  MappingV1,
  NetworkWorkloadV1,
  PeakPpaV1,
} from '@cimkit/core'
import { costMappedNetwork, flattenHierarchy, mapNetwork, peakPpa } from '@cimkit/cost'
import type { DetailedPpaReport, PipelineTiming, RoleCounts } from '@cimkit/cost'
import { activationFifos } from './activation-fifo.js'
import type { ActivationFifo } from './activation-fifo.js'
import { buildPipeLayerChip, pipeLayerGeometry } from './build-pipelayer-chip.js'
import type { PipeLayerChip } from './build-pipelayer-chip.js'
import { pipeLayerOptionsSchema } from './pipelayer-options.js'
import type { PipeLayerOptions, ResolvedPipeLayerOptions } from './pipelayer-options.js'
import { inferenceSchedule, trainingSchedule } from './pipelayer-schedule.js'
import type { PipeLayerSchedule, PipeLayerStageWork } from './pipelayer-schedule.js'
import { trainingCountsPerExample } from './training-counts.js'

/** Per-layer cycles, energy and throughput of a PipeLayer run. @since 0.1.0 */
export interface PipeLayerLayerReport {
  readonly layer: string
  readonly replication: number
  readonly forwardCycles: number
  readonly backwardCycles: number
  readonly gradientS: number
  /** Energy the layer spends per image (training: including its share of the update), joules. */
  readonly energyJ: number
  /** Images per second the layer alone could sustain. */
  readonly throughputFps: number
}

/** Activation memory a run needs against what the chip offers. @since 0.1.0 */
export interface PipeLayerMemory {
  readonly fifos: readonly ActivationFifo[]
  readonly neededBytes: number
  /** Memory subarrays plus the morphable subarrays no weight copy uses, in bytes. */
  readonly availableBytes: number
  /** Morphable subarrays working as memory because no weights are placed on them. */
  readonly morphableAsMemory: number
  readonly fits: boolean
}

/** A PPA report with PipeLayer's schedule and per-layer detail. @since 0.1.0 */
export interface PipeLayerReport extends DetailedPpaReport {
  readonly schedule: PipeLayerSchedule
  readonly layers: readonly PipeLayerLayerReport[]
  readonly memory: PipeLayerMemory
}

/**
 * PipeLayer (Song et al., HPCA 2017) on the cost framework: spike-driven subarrays with
 * integrate-and-fire readout, replication for intra-layer parallelism, an inter-layer pipeline for
 * inference and for training (forward, backward on Wᵀ copies, ΔW accumulation, batch update).
 * @since 0.1.0
 */
export class PipeLayerArchitecture implements ArchitectureV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'pipelayer'
  readonly arrays: ArrayOrganizationV1
  readonly options: ResolvedPipeLayerOptions

  constructor(options: PipeLayerOptions = {}) {
    this.options = pipeLayerOptionsSchema.parse(options)
    const { rows, columns, weightBits, bitsPerCell, inputBits } = this.options
    this.arrays = { rows, columns, weightBits, bitsPerCell, inputBits, weightMapping: 'offset-digital', conversion: 'after-accumulation', columnsPerConverter: 1 }
  }

  chip(hardware: HardwareV1): PipeLayerChip {
    return buildPipeLayerChip(this.options, hardware)
  }

  hierarchy(hardware: HardwareV1): ComponentNodeV1 {
    return this.chip(hardware).root
  }

  /** In training every copy has a Wᵀ twin, so replication is balanced on half the subarrays. */
  map(network: NetworkWorkloadV1): MappingV1 {
    const training = this.options.mode === 'training'
    const available = this.options.morphableSubarrays
    const mapping = mapNetwork(network, {
      architecture: this.type,
      geometry: pipeLayerGeometry(this.options),
      arraysAvailable: training ? Math.floor(available / 2) : available,
      replication: this.options.replication,
      ...(this.options.maxReplication === undefined ? {} : { maxReplication: this.options.maxReplication }),
    })
    if (!training) return mapping
    const deltaArrays = mapping.layers.reduce((sum, layer) => sum + layer.arraysPerCopy, 0)
    return {
      ...mapping,
      arraysUsed: 2 * mapping.arraysUsed,
      arraysAvailable: available,
      layers: mapping.layers.map((layer) => ({ ...layer, placement: { ...layer.placement, transposedCopy: true, deltaArrays: layer.arraysPerCopy, deltaBufferFits: deltaArrays <= this.options.deltaSubarrays } })),
    }
  }

  /** Cycle and time accounting of the configured mode for `network` as mapped. */
  schedule(network: NetworkWorkloadV1, mapping: MappingV1, hardware: HardwareV1): PipeLayerSchedule {
    const chip = this.chip(hardware)
    const work: PipeLayerStageWork[] = network.layers.map((layer, index) => {
      const steps = Math.ceil(layer.mvmsPerInference / mapping.layers[index]!.replication)
      return { layer: layer.name, forwardSteps: steps, backwardSteps: index > 0 ? steps : 0, gradientS: layer.mvmsPerInference * chip.outerProductS }
    })
    return this.options.mode === 'training'
      ? trainingSchedule(work, chip.cyclesPerMvm, chip.cycleS, this.options.batchSize, chip.updateS)
      : inferenceSchedule(work, chip.cyclesPerMvm, chip.cycleS, this.options.images)
  }

  cost(network: NetworkWorkloadV1, mapping: MappingV1, activity: ActivityV1 | null, hardware: HardwareV1): PipeLayerReport {
    const chip = this.chip(hardware)
    const schedule = this.schedule(network, mapping, hardware)
    const settings = { geometry: chip.geometry, inputCycles: chip.inputCycles, bytesPerActivation: Math.ceil(this.options.inputBits / 8), conversionCycles: 1 }
    const extraCounts: Record<string, RoleCounts> = {}
    if (this.options.mode === 'training') {
      network.layers.forEach((layer, index) => {
        extraCounts[layer.name] = trainingCountsPerExample(layer, mapping.layers[index]!, index, { ...settings, batch: this.options.batchSize, pulsesPerWrite: this.options.pulsesPerWrite })
      })
    }
    const timing: PipelineTiming = {
      stages: schedule.layers.map((layer, index) => ({
        layer: layer.layer,
        steps: Math.ceil(network.layers[index]!.mvmsPerInference / mapping.layers[index]!.replication),
        stageS: layer.busyS,
        startS: index * schedule.stepS,
        finishS: (index + 1) * schedule.stepS,
        inputBufferBytes: network.layers[index]!.inputs * settings.bytesPerActivation,
      })),
      latencyS: schedule.latencyS,
      periodS: schedule.periodS,
      throughputFps: schedule.throughputFps,
    }
    const report = costMappedNetwork({ network, mapping, activity, components: flattenHierarchy(chip.root), ...settings, mvmTimeS: chip.mvmTimeS, peak: this.peakOf(chip), timing, extraCounts })
    const layers = schedule.layers.map((layer, index) => ({
      layer: layer.layer,
      replication: mapping.layers[index]!.replication,
      forwardCycles: layer.forwardCycles,
      backwardCycles: layer.backwardCycles,
      gradientS: layer.gradientS,
      energyJ: report.breakdown.filter((entry) => entry.layer === layer.layer).reduce((sum, entry) => sum + entry.energyJ, 0),
      throughputFps: layer.busyS > 0 ? 1 / layer.busyS : 0,
    }))
    return { ...report, schedule, layers, memory: this.memory(network, mapping) }
  }

  /**
   * Activation FIFOs the run needs, against the memory subarrays plus the morphable subarrays left
   * without weights (PipeLayer's morphable subarrays serve as memory when not computing).
   */
  memory(network: NetworkWorkloadV1, mapping: MappingV1): PipeLayerMemory {
    const { rows, columns, bitsPerCell, memorySubarrays, morphableSubarrays, inputBits, mode } = this.options
    const fifos = activationFifos(network.layers, mode, Math.ceil(inputBits / 8))
    const neededBytes = fifos.reduce((sum, fifo) => sum + fifo.bytes, 0)
    const morphableAsMemory = Math.max(0, morphableSubarrays - mapping.arraysUsed)
    const availableBytes = ((memorySubarrays + morphableAsMemory) * rows * columns * bitsPerCell) / 8
    return { fifos, neededBytes, availableBytes, morphableAsMemory, fits: neededBytes <= availableBytes }
  }

  peak(hardware: HardwareV1): PeakPpaV1 {
    return this.peakOf(this.chip(hardware))
  }

  private peakOf(chip: PipeLayerChip): PeakPpaV1 {
    const { tops, topsPerW, topsPerMm2, powerW, powerShare } = peakPpa(flattenHierarchy(chip.root), chip.macsPerSecond)
    return { tops, topsPerW, topsPerMm2, powerW, powerShare }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}
