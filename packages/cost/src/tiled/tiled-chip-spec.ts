import type { CrossbarEnergySource } from '../components/crossbar-array-cost.js'
import type { ArrayGeometry } from '../mapping/array-geometry.js'
import type { TechnologyPoint } from '../technology/technology-scaling.js'

/**
 * A chip of identical tiles, each with cores (ISAAC's IMAs) of crossbars and their converters, in
 * the ISAAC/PUMA/NeuroSim style: chip → tile (buffer, bus, router share, digital units) → core
 * (arrays, row drivers, sample-and-hold, ADCs, shift-and-add, registers) → array.
 * @since 0.1.0
 */
export interface TiledChipSpec {
  readonly tiles: number
  readonly coresPerTile: number
  readonly arraysPerCore: number
  readonly geometry: ArrayGeometry
  /** Array columns that share one output converter. */
  readonly columnsPerConverter: number
  /** Time of one crossbar read (the cycle is the longer of this and the converters' time), seconds. */
  readonly arrayReadS: number
  /** Bytes of one activation in buffers and on the network. */
  readonly bytesPerActivation: number
  /** Tile buffer capacity, bytes. */
  readonly bufferBytesPerTile: number
  /** Off-chip links (ISAAC: 4 HyperTransport links). */
  readonly offChipLinks: number
  /** Tiles that share one router (ISAAC: 4). */
  readonly tilesPerRouter: number
  readonly technology: TechnologyPoint
  /** Crossbar read energy from the device (default) or ISAAC's published crossbar power. */
  readonly crossbarEnergy?: CrossbarEnergySource
  /** Name of the core level in the hierarchy (`ima` for ISAAC, `core` otherwise). */
  readonly coreName?: string
}
