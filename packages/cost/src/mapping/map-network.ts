import { InvalidArgumentError } from '@cimkit/core'
import type { LayerMappingV1, LayerWorkloadV1, MappingV1, NetworkWorkloadV1 } from '@cimkit/core'
import type { ArrayGeometry } from './array-geometry.js'
import { balanceReplication } from './balance-replication.js'

/** How to place a network. @since 0.1.0 */
export interface MapNetworkOptions {
  readonly architecture: string
  readonly geometry: ArrayGeometry
  /** Arrays on the chip. */
  readonly arraysAvailable: number
  /** `balance`: copy layers to balance the pipeline (default); `none`: one copy each. */
  readonly replication?: 'balance' | 'none'
  /** Upper bound on copies of any layer. */
  readonly maxReplication?: number
  /** Arrays allocated together (an ISAAC IMA holds 8); placement reports units of this size. */
  readonly arraysPerUnit?: number
}

/** Row and column blocks of one layer's matrix. @since 0.1.0 */
export function layerBlocks(layer: LayerWorkloadV1, geometry: ArrayGeometry): { rowBlocks: number; columnBlocks: number } {
  const inputsPerArray = Math.floor(geometry.rows / geometry.rowsPerInput)
  const outputsPerArray = Math.floor(geometry.columns / geometry.columnsPerOutput)
  if (inputsPerArray < 1 || outputsPerArray < 1) {
    throw new InvalidArgumentError('geometry', `a ${geometry.rows}×${geometry.columns} array cannot hold one weight (${geometry.rowsPerInput} rows × ${geometry.columnsPerOutput} columns)`)
  }
  return { rowBlocks: Math.ceil(layer.inputs / inputsPerArray), columnBlocks: Math.ceil(layer.outputs / outputsPerArray) }
}

/**
 * Places every layer of a network (dense or conv, as a matrix of `inputs × outputs` used
 * `mvmsPerInference` times) on arrays: the matrix is cut into array-sized blocks, each block spread
 * over `arraysPerBlock` arrays, and layers are copied to balance the pipeline. Layers are packed in
 * order; `placement` gives each layer's first array unit and the number of units.
 * @since 0.1.0
 */
export function mapNetwork(network: NetworkWorkloadV1, options: MapNetworkOptions): MappingV1 {
  const { geometry } = options
  const shapes = network.layers.map((layer) => {
    if (!(layer.inputs >= 1 && layer.outputs >= 1 && layer.mvmsPerInference >= 1)) {
      throw new InvalidArgumentError(`network.layers.${layer.name}`, `needs inputs, outputs and mvmsPerInference ≥ 1, got ${layer.inputs}, ${layer.outputs}, ${layer.mvmsPerInference}`)
    }
    const blocks = layerBlocks(layer, geometry)
    return { layer, ...blocks, arraysPerCopy: blocks.rowBlocks * blocks.columnBlocks * geometry.arraysPerBlock }
  })
  const copies = options.replication === 'none'
    ? shapes.map(() => 1)
    : balanceReplication(shapes.map((shape) => ({ mvms: shape.layer.mvmsPerInference, arraysPerCopy: shape.arraysPerCopy })), options.arraysAvailable, options.maxReplication)
  const unit = options.arraysPerUnit ?? 1
  let nextUnit = 0
  let arraysUsed = 0
  const layers: LayerMappingV1[] = shapes.map((shape, index) => {
    const replication = copies[index]!
    const arrays = shape.arraysPerCopy * replication
    const units = Math.ceil(arrays / unit)
    const cellsAllocated = arrays * geometry.rows * geometry.columns
    const cellsHoldingWeights = shape.layer.inputs * shape.layer.outputs * geometry.cellsPerWeight * replication
    const placement = { firstUnit: nextUnit, units, arraysPerUnit: unit, arrays }
    nextUnit += units
    arraysUsed += arrays
    return {
      layer: shape.layer.name,
      rowBlocks: shape.rowBlocks,
      columnBlocks: shape.columnBlocks,
      arraysPerCopy: shape.arraysPerCopy,
      replication,
      utilization: cellsHoldingWeights / cellsAllocated,
      placement,
    }
  })
  return { architecture: options.architecture, layers, arraysUsed, arraysAvailable: options.arraysAvailable }
}
