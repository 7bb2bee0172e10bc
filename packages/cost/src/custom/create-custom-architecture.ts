import { InvalidArgumentError } from '@cimkit/core'
import type { ArrayGeometry } from '../mapping/array-geometry.js'
import { TiledArchitecture } from '../tiled/tiled-architecture.js'
import { customArchitectureOptionsSchema } from './custom-options.js'
import type { CustomArchitectureOptions } from './custom-options.js'

/**
 * A user-composed tiled architecture (`architecture: { type: custom, ... }`): tiles of cores of
 * arrays with the configured converters and device, ISAAC Table 6 digital components scaled to the
 * chosen node, mapping with replication and the inter-layer pipeline of the cost framework.
 * @example createCustomArchitecture({ rows: 256, columns: 256 }).arrays.rows // returns 256
 * @since 0.1.0
 */
export function createCustomArchitecture(options: CustomArchitectureOptions = {}): TiledArchitecture {
  const resolved = customArchitectureOptionsSchema.parse(options)
  const slices = Math.ceil(resolved.weightBits / resolved.bitsPerCell)
  const differential = resolved.weightMapping === 'differential' ? 2 : 1
  const geometry: ArrayGeometry = resolved.sliceLayout === 'arrays'
    ? { rows: resolved.rows, columns: resolved.columns, rowsPerInput: 1, columnsPerOutput: differential, arraysPerBlock: slices, cellsPerWeight: slices * differential }
    : { rows: resolved.rows, columns: resolved.columns, rowsPerInput: 1, columnsPerOutput: slices * differential, arraysPerBlock: 1, cellsPerWeight: slices * differential }
  if (geometry.columnsPerOutput > resolved.columns) {
    throw new InvalidArgumentError('columns', `${resolved.columns} columns cannot hold one ${resolved.weightBits}-bit weight (${geometry.columnsPerOutput} columns)`)
  }
  if (resolved.arraysPerCore % geometry.arraysPerBlock !== 0) {
    throw new InvalidArgumentError('arraysPerCore', `with slices on separate arrays, arraysPerCore must be a multiple of ${slices}`)
  }
  return new TiledArchitecture({
    type: 'custom',
    chip: {
      tiles: resolved.tiles,
      coresPerTile: resolved.coresPerTile,
      arraysPerCore: resolved.arraysPerCore,
      geometry,
      columnsPerConverter: resolved.columnsPerAdc,
      arrayReadS: resolved.arrayReadS,
      bytesPerActivation: Math.ceil(resolved.inputBits / 8),
      bufferBytesPerTile: resolved.bufferBytesPerTile,
      offChipLinks: resolved.offChipLinks,
      tilesPerRouter: resolved.tilesPerRouter,
      technology: { nodeNm: resolved.technologyNodeNm, supplyV: resolved.supplyV },
      crossbarEnergy: resolved.crossbarEnergy,
    },
    arrays: {
      rows: resolved.rows,
      columns: resolved.columns,
      weightBits: resolved.weightBits,
      bitsPerCell: resolved.bitsPerCell,
      inputBits: resolved.inputBits,
      weightMapping: resolved.weightMapping,
      conversion: 'per-input-bit',
      columnsPerConverter: resolved.columnsPerAdc,
    },
    replication: resolved.replication,
    ...(resolved.maxReplication === undefined ? {} : { maxReplication: resolved.maxReplication }),
    description: { ...resolved },
  })
}
