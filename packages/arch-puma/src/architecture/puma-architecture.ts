import type { ActivityV1, ArchitectureV1, ArrayOrganizationV1, ComponentNodeV1, HardwareV1, MappingV1, NetworkWorkloadV1, PeakPpaV1, PpaReportV1 } from '@cimkit/core'
import { costMappedNetwork, flattenHierarchy, mapNetwork, peakPpa } from '@cimkit/cost'
import type { ArrayGeometry, DetailedPpaReport } from '@cimkit/cost'
import type { CompileOptions } from '../compiler/compile-options.js'
import type { PumaSimulationResult, SimulateProgramOptions } from '../machine/simulate-program.js'
import { buildPumaNode } from './build-puma-hierarchy.js'
import type { PumaNode } from './build-puma-hierarchy.js'
import { pumaOptionsSchema } from './puma-options.js'
import type { PumaOptions, ResolvedPumaOptions } from './puma-options.js'

/**
 * The PUMA architecture: a node of tiles of cores with MVMUs, VFUs and register files (Ankit et
 * al., ASPLOS 2019). `map`/`cost`/`peak` follow DESIGN.md's report contract; `compileOptions` and
 * `activityFromSimulation` connect it to the compiler and the instruction-level simulator.
 * @since 0.1.0
 */
export class PumaArchitecture implements ArchitectureV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'puma'
  readonly arrays: ArrayOrganizationV1
  readonly options: ResolvedPumaOptions

  constructor(options: PumaOptions = {}) {
    this.options = pumaOptionsSchema.parse(options)
    const o = this.options
    this.arrays = {
      rows: o.rows,
      columns: o.columns,
      weightBits: o.weightBits,
      bitsPerCell: o.bitsPerCell,
      inputBits: o.inputBits,
      // NOTE: PUMA stores weights biased (w + 2^15) and removes the bias digitally, as its ISAAC-derived MVMU does.
      weightMapping: 'offset-digital',
      conversion: 'per-input-bit',
      columnsPerConverter: o.columnsPerAdc,
    }
  }

  /** The node built with the configured hardware. */
  node(hardware: HardwareV1): PumaNode {
    return buildPumaNode(this.options, hardware)
  }

  hierarchy(hardware: HardwareV1): ComponentNodeV1 {
    return this.node(hardware).root
  }

  private geometry(): ArrayGeometry {
    const slices = this.options.weightBits / this.options.bitsPerCell
    return { rows: this.options.rows, columns: this.options.columns, rowsPerInput: 1, columnsPerOutput: 1, arraysPerBlock: slices, cellsPerWeight: slices }
  }

  /** Row-major placement without replication (the PUMA compiler maps each layer once). */
  map(network: NetworkWorkloadV1): MappingV1 {
    const o = this.options
    const geometry = this.geometry()
    return mapNetwork(network, {
      architecture: this.type,
      geometry,
      arraysAvailable: o.tiles * o.coresPerTile * o.mvmusPerCore * geometry.arraysPerBlock,
      replication: 'none',
      arraysPerUnit: o.mvmusPerCore * geometry.arraysPerBlock,
    })
  }

  cost(network: NetworkWorkloadV1, mapping: MappingV1, activity: ActivityV1 | null, hardware: HardwareV1): PpaReportV1 {
    return this.costDetailed(network, mapping, activity, hardware)
  }

  /**
   * `cost` with the pipeline timing and per-layer counts it was built from. Without measured
   * activity, PUMA's own units are counted from the mapping as the compiler's code uses them: per
   * MVM and weight block the input slice is loaded into the MVMU register (register-file write) and
   * the output read back and summed (register-file read), and about four instructions are fetched
   * (load, mvm, alu, store).
   */
  costDetailed(network: NetworkWorkloadV1, mapping: MappingV1, activity: ActivityV1 | null, hardware: HardwareV1): DetailedPpaReport {
    const node = this.node(hardware)
    const extraCounts: Record<string, Record<string, Record<string, number>>> = {}
    if (activity === null) {
      network.layers.forEach((layer, index) => {
        const blocks = mapping.layers[index]
        if (blocks === undefined) return
        const mvms = layer.mvmsPerInference
        extraCounts[layer.name] = {
          registerFile: { writeBytes: 2 * mvms * layer.inputs * blocks.columnBlocks, readBytes: 2 * mvms * layer.outputs * blocks.rowBlocks },
          instructionMemory: { fetch: mvms * 4 * blocks.rowBlocks * blocks.columnBlocks },
        }
      })
    }
    return costMappedNetwork({
      extraCounts,
      network,
      mapping,
      activity,
      components: flattenHierarchy(node.root),
      geometry: this.geometry(),
      inputCycles: this.options.inputBits,
      bytesPerActivation: 2,
      mvmTimeS: node.mvmTimeS,
      peak: this.peakOf(node),
    })
  }

  peak(hardware: HardwareV1): PeakPpaV1 {
    return this.peakOf(this.node(hardware))
  }

  private peakOf(node: PumaNode): PeakPpaV1 {
    const { tops, topsPerW, topsPerMm2, powerW, powerShare } = peakPpa(flattenHierarchy(node.root), node.macsPerSecond)
    return { tops, topsPerW, topsPerMm2, powerW, powerShare }
  }

  /** The compiler's target machine for this node. */
  compileOptions(): CompileOptions {
    const o = this.options
    return { maxTiles: o.tiles, coresPerTile: o.coresPerTile, mvmusPerCore: o.mvmusPerCore, rows: o.rows, columns: o.columns, registerWords: o.registerWords, sharedMemoryWords: o.sharedMemoryBytes / 2 }
  }

  /**
   * Options that make `simulateProgram` time and cost a run on this node: the MVM pass from the
   * node's cycle (crossbar read vs the configured ADC), and each activity role's energy per action
   * summed over the hierarchy leaves that carry the role (the shared memory's eDRAM, bus, controller
   * and attribute buffer all see a buffer byte).
   */
  simulationOptions(hardware: HardwareV1): Pick<SimulateProgramOptions, 'timing' | 'bitsPerCell' | 'energyPerActionJ'> {
    const node = this.node(hardware)
    const energy: Record<string, Record<string, number>> = {}
    for (const leaf of flattenHierarchy(node.root)) {
      if (leaf.role === null) continue
      const byAction = (energy[leaf.role] ??= {})
      for (const [action, joules] of Object.entries(leaf.cost.energyPerActionJ)) byAction[action] = (byAction[action] ?? 0) + joules
    }
    const o = this.options
    return {
      timing: { clockHz: o.clockHz, inputBits: o.inputBits, vfuLanes: o.vfuLanes, mvmPassCycles: Math.max(1, Math.round(node.cycleS * o.clockHz)) },
      bitsPerCell: o.bitsPerCell,
      energyPerActionJ: energy,
    }
  }

  /** Per-layer activity of one simulated inference, in the cost vocabulary (labels that are not `layers` are dropped). */
  activityFromSimulation(result: PumaSimulationResult, layers: readonly string[]): ActivityV1 {
    const out: Record<string, Record<string, Record<string, number>>> = {}
    for (const layer of layers) if (result.activity[layer] !== undefined) out[layer] = result.activity[layer]
    return { layers: out }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/** Creates the PUMA architecture from (validated) options. @since 0.1.0 */
export function createPumaArchitecture(options: PumaOptions = {}): PumaArchitecture {
  return new PumaArchitecture(options)
}
