import { InvalidArgumentError } from '@cimkit/core'
import type { ComponentCostModelV1, HardwareV1 } from '@cimkit/core'
import { crossbarArrayCost } from '../components/crossbar-array-cost.js'
import { resizeComponentCost } from '../components/define-component-cost.js'
import { edramBufferCost, isaacComponentCost } from '../components/published-component-cost.js'
import type { CostNode } from '../hierarchy/cost-node.js'
import type { TiledChipSpec } from './tiled-chip-spec.js'

/** A built chip: its hierarchy and the timing numbers its peak and pipeline use. @since 0.1.0 */
export interface TiledChip {
  readonly root: CostNode
  /** One read cycle: max(array read, columns per converter × conversion time), seconds. */
  readonly cycleS: number
  /** Read cycles per MVM (the input encoder's cycles; 1 for ideal analog inputs). */
  readonly inputCycles: number
  /** One full MVM, seconds. */
  readonly mvmTimeS: number
  readonly arraysAvailable: number
  /** Multiply-accumulates per second with every array busy. */
  readonly macsPerSecond: number
}

/** ISAAC's per-tile output rate (12 IMAs × 128 outputs per 1.6 µs), against which digital units are counted. */
const ISAAC_TILE_OUTPUTS_PER_S = (12 * 128) / 1.6e-6

function node(name: string, count: number, cost: ComponentCostModelV1, role: string | null, peakActionsPerSecond: Record<string, number>): CostNode {
  return role === null ? { name, count, cost, peakActionsPerSecond } : { name, count, cost, role, peakActionsPerSecond }
}

/**
 * Builds the hierarchy of a tiled chip from its spec and the configured hardware: converters and
 * row drivers from `hardware.outputConverter.cost` and `hardware.inputEncoder.cost`, cells from
 * `hardware.device.cost` (ISAAC's crossbar row when no device is configured), and everything else
 * from ISAAC's Table 6 (`isaacComponentCost`) scaled to the spec's technology. Peak rates follow
 * from the cycle: every array read once per cycle, every converter converting its columns, every
 * per-MVM unit moving one MVM's operands per MVM time.
 * @since 0.1.0
 */
export function buildTiledChip(spec: TiledChipSpec, hardware: HardwareV1): TiledChip {
  const { geometry, technology } = spec
  for (const [key, value] of Object.entries({ tiles: spec.tiles, coresPerTile: spec.coresPerTile, arraysPerCore: spec.arraysPerCore, columnsPerConverter: spec.columnsPerConverter })) {
    if (!(Number.isInteger(value) && value >= 1)) throw new InvalidArgumentError(key, `must be an integer ≥ 1, got ${value}`)
  }
  if (spec.arraysPerCore % geometry.arraysPerBlock !== 0) {
    throw new InvalidArgumentError('arraysPerCore', `${spec.arraysPerCore} arrays per core cannot hold whole blocks of ${geometry.arraysPerBlock} arrays`)
  }
  const library = { technology }
  const converter = hardware.outputConverter?.cost ?? null
  const encoder = hardware.inputEncoder
  const conversionS = converter?.latencyPerActionS.convert ?? 0
  const cycleS = Math.max(spec.arrayReadS, spec.columnsPerConverter * conversionS)
  const inputCycles = encoder?.cycles ?? 1
  const mvmTimeS = inputCycles * cycleS
  const blocksPerCore = spec.arraysPerCore / geometry.arraysPerBlock
  const inputsPerCore = Math.floor(geometry.rows / geometry.rowsPerInput) * blocksPerCore
  const outputsPerCore = Math.floor(geometry.columns / geometry.columnsPerOutput) * blocksPerCore
  const columnsPerCore = spec.arraysPerCore * geometry.columns
  const convertersPerCore = Math.ceil(columnsPerCore / spec.columnsPerConverter)
  // ISAAC: 4 shift-and-add units serve 8 ADCs.
  const shiftAddsPerCore = Math.max(1, Math.ceil(convertersPerCore / 2))
  const bytes = spec.bytesPerActivation
  const coreName = spec.coreName ?? 'core'

  const coreChildren: CostNode[] = [
    node('array', spec.arraysPerCore, crossbarArrayCost(geometry, hardware.device, technology, spec.crossbarEnergy ?? 'device'), 'array', { mvm: 1 / cycleS, cellRead: (geometry.rows * geometry.columns) / cycleS }),
    node('sample-hold', columnsPerCore, isaacComponentCost('sampleHold', library), 'sampleHold', { sample: 1 / cycleS }),
    node('shift-add', shiftAddsPerCore, isaacComponentCost('imaShiftAdd', library), 'shiftAdd', { add: columnsPerCore / cycleS / shiftAddsPerCore }),
    node('input-register', 1, resizeComponentCost(isaacComponentCost('imaInputRegister', library), { energy: 1, area: inputsPerCore / 128, leakage: inputsPerCore / 128 }, `sized for ${inputsPerCore} inputs`), 'inputRegister', { bytes: (inputsPerCore * bytes) / mvmTimeS }),
    node('output-register', 1, resizeComponentCost(isaacComponentCost('imaOutputRegister', library), { energy: 1, area: outputsPerCore / 128, leakage: outputsPerCore / 128 }, `sized for ${outputsPerCore} outputs`), 'outputRegister', { bytes: (outputsPerCore * bytes) / mvmTimeS }),
  ]
  if (encoder !== null) coreChildren.splice(1, 0, node('dac', spec.arraysPerCore * geometry.rows, encoder.cost, 'dac', { drive: 1 / cycleS }))
  if (converter !== null) coreChildren.splice(coreChildren.length - 3, 0, node('adc', convertersPerCore, converter, 'adc', { convert: spec.columnsPerConverter / cycleS }))

  const tileOutputsPerS = (spec.coresPerTile * outputsPerCore) / mvmTimeS
  const digitalScale = tileOutputsPerS / ISAAC_TILE_OUTPUTS_PER_S
  const sigmoidUnits = Math.max(1, Math.ceil(2 * digitalScale))
  const perTileUnits = Math.max(1, Math.ceil(digitalScale))
  const bufferRate = { readBytes: (spec.coresPerTile * inputsPerCore * bytes) / mvmTimeS, writeBytes: (spec.coresPerTile * outputsPerCore * bytes) / mvmTimeS }
  const router = resizeComponentCost(isaacComponentCost('router', library), { energy: 1, area: 4 / spec.tilesPerRouter, leakage: 4 / spec.tilesPerRouter }, `one router per ${spec.tilesPerRouter} tiles`)
  const tile: CostNode = {
    name: 'tile',
    count: spec.tiles,
    children: [
      { name: coreName, count: spec.coresPerTile, children: coreChildren },
      node('buffer', 1, edramBufferCost(spec.bufferBytesPerTile, library), 'buffer', bufferRate),
      node('bus', 1, isaacComponentCost('edramBus', library), 'buffer', bufferRate),
      node('router', 1, router, 'network', { bytes: tileOutputsPerS * bytes }),
      node('sigmoid', sigmoidUnits, isaacComponentCost('sigmoid', library), 'digital', { op: tileOutputsPerS / sigmoidUnits }),
      node('tile-shift-add', perTileUnits, isaacComponentCost('tileShiftAdd', library), 'partialSum', { add: tileOutputsPerS / perTileUnits }),
      node('max-pool', perTileUnits, isaacComponentCost('maxPool', library), 'pooling', { op: tileOutputsPerS / perTileUnits }),
      node('tile-output-register', perTileUnits, isaacComponentCost('tileOutputRegister', library), 'outputRegister', { bytes: (tileOutputsPerS * bytes) / perTileUnits }),
    ],
  }
  const chipChildren: CostNode[] = [tile]
  if (spec.offChipLinks > 0) chipChildren.push(node('off-chip-link', spec.offChipLinks, isaacComponentCost('hyperTransport', library), null, {}))
  const arraysAvailable = spec.tiles * spec.coresPerTile * spec.arraysPerCore
  const macsPerBlock = Math.floor(geometry.rows / geometry.rowsPerInput) * Math.floor(geometry.columns / geometry.columnsPerOutput)
  return {
    root: { name: 'chip', count: 1, children: chipChildren },
    cycleS,
    inputCycles,
    mvmTimeS,
    arraysAvailable,
    macsPerSecond: ((arraysAvailable / geometry.arraysPerBlock) * macsPerBlock) / mvmTimeS,
  }
}
