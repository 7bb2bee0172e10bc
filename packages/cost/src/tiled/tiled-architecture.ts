import type {
  ActivityV1,
  ArchitectureV1,
  ArrayOrganizationV1,
  ComponentNodeV1,
  HardwareV1,
  MappingV1,
  NetworkWorkloadV1,
  PeakPpaV1,
  PpaReportV1,
} from '@cimkit/core'
import type { RoleCounts } from '../activity/layer-counts.js'
import { flattenHierarchy } from '../hierarchy/cost-node.js'
import { peakPpa } from '../hierarchy/hierarchy-rollup.js'
import { mapNetwork } from '../mapping/map-network.js'
import { inputBufferBytes } from '../pipeline/pipeline-timing.js'
import { costMappedNetwork } from '../report/cost-mapped-network.js'
import type { DetailedPpaReport } from '../report/cost-mapped-network.js'
import { buildTiledChip } from './build-tiled-chip.js'
import type { TiledChip } from './build-tiled-chip.js'
import type { TiledChipSpec } from './tiled-chip-spec.js'

/** Settings of a tiled architecture beyond its chip. @since 0.1.0 */
export interface TiledArchitectureSettings {
  readonly type: string
  readonly chip: TiledChipSpec
  readonly arrays: ArrayOrganizationV1
  readonly replication: 'balance' | 'none'
  readonly maxReplication?: number
  /**
   * Extra digital work per layer and inference an architecture adds on top of the derived counts
   * (ISAAC's flipped-weight decode), given the layer's derived counts.
   */
  readonly extraCounts?: (network: NetworkWorkloadV1, mapping: MappingV1, inputCycles: number) => Readonly<Record<string, RoleCounts>>
  /** Plain data describing the options, for reports. */
  readonly description: Record<string, unknown>
}

/**
 * An architecture built on `buildTiledChip`: maps with replication for pipeline balance, costs
 * with the configured hardware, reports per layer and component. ISAAC and the user-composed
 * `custom` architecture are instances of it.
 * @since 0.1.0
 */
export class TiledArchitecture implements ArchitectureV1 {
  readonly specificationVersion = 'v1' as const
  readonly type: string
  readonly arrays: ArrayOrganizationV1
  private readonly settings: TiledArchitectureSettings

  constructor(settings: TiledArchitectureSettings) {
    this.settings = settings
    this.type = settings.type
    this.arrays = settings.arrays
  }

  /** The chip built with `hardware`. */
  chip(hardware: HardwareV1): TiledChip {
    return buildTiledChip(this.settings.chip, hardware)
  }

  hierarchy(hardware: HardwareV1): ComponentNodeV1 {
    return this.chip(hardware).root
  }

  /**
   * Places the network; each layer's placement also says how many bytes its input buffer needs to
   * start early and whether the eDRAM of the tiles it occupies holds them.
   */
  map(network: NetworkWorkloadV1): MappingV1 {
    const { chip } = this.settings
    const mapping = mapNetwork(network, {
      architecture: this.type,
      geometry: chip.geometry,
      arraysAvailable: chip.tiles * chip.coresPerTile * chip.arraysPerCore,
      replication: this.settings.replication,
      ...(this.settings.maxReplication === undefined ? {} : { maxReplication: this.settings.maxReplication }),
      arraysPerUnit: chip.arraysPerCore,
    })
    return {
      ...mapping,
      layers: mapping.layers.map((layer, index) => {
        const units = Number(layer.placement?.units ?? 1)
        const bufferBytes = inputBufferBytes(network.layers[index]!, chip.bytesPerActivation)
        const tiles = Math.max(1, Math.ceil(units / chip.coresPerTile))
        return { ...layer, placement: { ...layer.placement, inputBufferBytes: bufferBytes, inputBufferFits: bufferBytes <= tiles * chip.bufferBytesPerTile } }
      }),
    }
  }

  cost(network: NetworkWorkloadV1, mapping: MappingV1, activity: ActivityV1 | null, hardware: HardwareV1): PpaReportV1 {
    return this.costDetailed(network, mapping, activity, hardware)
  }

  /** `cost` with the pipeline timing, chip count and per-layer counts it was built from. */
  costDetailed(network: NetworkWorkloadV1, mapping: MappingV1, activity: ActivityV1 | null, hardware: HardwareV1): DetailedPpaReport {
    const chip = this.chip(hardware)
    const components = flattenHierarchy(chip.root)
    const extra = this.settings.extraCounts?.(network, mapping, chip.inputCycles)
    return costMappedNetwork({
      network,
      mapping,
      activity,
      components,
      geometry: this.settings.chip.geometry,
      inputCycles: chip.inputCycles,
      bytesPerActivation: this.settings.chip.bytesPerActivation,
      mvmTimeS: chip.mvmTimeS,
      peak: this.peakOf(chip),
      ...(extra === undefined ? {} : { extraCounts: extra }),
    })
  }

  peak(hardware: HardwareV1): PeakPpaV1 {
    return this.peakOf(this.chip(hardware))
  }

  private peakOf(chip: TiledChip): PeakPpaV1 {
    const { tops, topsPerW, topsPerMm2, powerW, powerShare } = peakPpa(flattenHierarchy(chip.root), chip.macsPerSecond)
    return { tops, topsPerW, topsPerMm2, powerW, powerShare }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.settings.description }
  }
}
