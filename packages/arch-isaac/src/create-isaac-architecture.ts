import { InvalidArgumentError } from '@cimkit/core'
import type { MappingV1, NetworkWorkloadV1 } from '@cimkit/core'
import { requiredAdcBits, TiledArchitecture } from '@cimkit/cost'
import type { ArrayGeometry, RoleCounts } from '@cimkit/cost'
import { isaacOptionsSchema } from './isaac-options.js'
import type { IsaacOptions, ResolvedIsaacOptions } from './isaac-options.js'

/**
 * Digital work ISAAC adds to every MVM: Σx of each input bit plane (one popcount per row block per
 * cycle) for the flipped columns' decode and the weight bias, one correction per flipped column
 * conversion, and one bias removal per output (ISAAC stores weights biased and subtracts
 * bias · Σx). Charged to the IMA shift-and-add units.
 */
function flippedDecodeCounts(options: ResolvedIsaacOptions) {
  return (network: NetworkWorkloadV1, mapping: MappingV1, inputCycles: number): Record<string, RoleCounts> => {
    const slices = Math.ceil(options.weightBits / options.bitsPerCell)
    const extra: Record<string, RoleCounts> = {}
    network.layers.forEach((layer, index) => {
      const { rowBlocks } = mapping.layers[index]!
      const reads = layer.mvmsPerInference * inputCycles
      const conversions = reads * layer.outputs * rowBlocks * slices
      const corrections = options.flippedWeights ? options.flippedColumnFraction * conversions : 0
      extra[layer.name] = { shiftAdd: { add: reads * rowBlocks + corrections + layer.mvmsPerInference * layer.outputs } }
    })
    return extra
  }
}

/**
 * The ADC resolution ISAAC's arrays need (survey Eq. 10 with 1-bit inputs per cycle, minus the
 * flipped-weight bit): 8 for ISAAC-CE.
 * @since 0.1.0
 */
export function isaacAdcBits(options: IsaacOptions = {}): number {
  const resolved = isaacOptionsSchema.parse(options)
  return requiredAdcBits({ inputBitsPerCycle: 1, bitsPerCell: resolved.bitsPerCell, rows: resolved.rows, flippedWeights: resolved.flippedWeights })
}

/**
 * ISAAC (Shafiee et al., ISCA 2016) on the cost framework: chip → tiles (eDRAM buffer and bus,
 * router share, sigmoid, max-pool, shift-and-add, output register) → IMAs (crossbars, 1-bit row
 * drivers, sample-and-hold, shared SAR ADCs, shift-and-add, input/output registers) → crossbars,
 * plus HyperTransport links; weights sliced over `crossbarsPerIma` crossbars, inputs fed one bit
 * per cycle by the configured input encoder, layers replicated to balance the inter-layer pipeline.
 * @example createIsaacArchitecture().arrays.columnsPerConverter // returns 128
 * @since 0.1.0
 */
export function createIsaacArchitecture(options: IsaacOptions = {}): TiledArchitecture {
  const resolved = isaacOptionsSchema.parse(options)
  const slices = Math.ceil(resolved.weightBits / resolved.bitsPerCell)
  if (resolved.crossbarsPerIma % slices !== 0) {
    throw new InvalidArgumentError('crossbarsPerIma', `ISAAC slices a ${resolved.weightBits}-bit weight over ${slices} crossbars; ${resolved.crossbarsPerIma} per IMA is not a multiple`)
  }
  const geometry: ArrayGeometry = { rows: resolved.rows, columns: resolved.columns, rowsPerInput: 1, columnsPerOutput: 1, arraysPerBlock: slices, cellsPerWeight: slices }
  return new TiledArchitecture({
    type: 'isaac',
    chip: {
      tiles: resolved.tiles,
      coresPerTile: resolved.imasPerTile,
      arraysPerCore: resolved.crossbarsPerIma,
      geometry,
      columnsPerConverter: resolved.columnsPerAdc,
      arrayReadS: resolved.crossbarReadS,
      bytesPerActivation: Math.ceil(resolved.inputBits / 8),
      bufferBytesPerTile: resolved.edramBytesPerTile,
      offChipLinks: resolved.hyperTransportLinks,
      tilesPerRouter: resolved.tilesPerRouter,
      technology: { nodeNm: resolved.technologyNodeNm, supplyV: resolved.supplyV },
      coreName: 'ima',
      // NOTE: ISAAC's published crossbar power folds in its read conditions; a device's V²·Ḡ·t over
      // a whole 100 ns read at mid-range conductance is hundreds of times larger, so the published
      // figure is the default and the device gives the area.
      crossbarEnergy: resolved.crossbarEnergy,
    },
    arrays: {
      rows: resolved.rows,
      columns: resolved.columns,
      weightBits: resolved.weightBits,
      bitsPerCell: resolved.bitsPerCell,
      inputBits: resolved.inputBits,
      weightMapping: resolved.flippedWeights ? 'biased-flipped' : 'offset-digital',
      conversion: 'per-input-bit',
      columnsPerConverter: resolved.columnsPerAdc,
    },
    replication: resolved.replication,
    ...(resolved.maxReplication === undefined ? {} : { maxReplication: resolved.maxReplication }),
    extraCounts: flippedDecodeCounts(resolved),
    description: { ...resolved, requiredAdcBits: isaacAdcBits(resolved) },
  })
}
