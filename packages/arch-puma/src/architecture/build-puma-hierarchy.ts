import type { ComponentCostModelV1, HardwareV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { crossbarArrayCost, isaacComponentCost, resizeComponentCost } from '@cimkit/cost'
import type { CostNode } from '@cimkit/cost'
import { pumaAccessRates, pumaComponentCosts } from './puma-component-costs.js'
import type { ResolvedPumaOptions } from './puma-options.js'

/** A built PUMA node: its hierarchy and the timing its peak and pipeline use. @since 0.1.0 */
export interface PumaNode {
  readonly root: CostNode
  /** One input-bit read cycle of an MVMU: max(crossbar read, columns per ADC × conversion time), seconds. */
  readonly cycleS: number
  /** One MVM in steady state (input bits × cycle), seconds. */
  readonly mvmTimeS: number
  readonly mvmus: number
  readonly macsPerSecond: number
}

function leaf(name: string, count: number, cost: ComponentCostModelV1, role: string | null, rates: Record<string, number>): CostNode {
  return role === null ? { name, count, cost, peakActionsPerSecond: rates } : { name, count, cost, role, peakActionsPerSecond: rates }
}

/**
 * PUMA's hierarchy, node → tile → core → MVMU → crossbar (research/anchor-archsims.md §3.2):
 * per MVMU, one row driver per row shared by its 16/b crossbars (configured input encoder), and per
 * crossbar sample-and-holds, one ADC per `columnsPerAdc` columns (configured output converter) and a
 * shift-and-add; per core
 * the VFU, register file, instruction memory and control; per tile the eDRAM shared memory with
 * bus, controller and attribute buffer, receive buffer, tile instruction memory, control and a
 * router share; per node the HyperTransport links. At peak every MVMU streams MVMs back to back:
 * the crossbar → S&H/ADC → shift-add pipeline turns one input bit per cycle (PUMA's `+2` is fill
 * latency, not throughput). The digital units (VFU, register file, instruction memories, shared
 * memory, receive buffer, router) run one access per cycle, the PUMA simulator's peak power
 * (`peakActivity: 'every-cycle'`), or at the rates the MVM stream uses them (`'mvm-stream'`).
 * @since 0.1.0
 */
export function buildPumaNode(options: ResolvedPumaOptions, hardware: HardwareV1): PumaNode {
  const technology = { nodeNm: options.technologyNodeNm, supplyV: options.supplyV }
  if (options.weightBits % options.bitsPerCell !== 0) throw new InvalidArgumentError('bitsPerCell', `must divide ${options.weightBits}`)
  const slices = options.weightBits / options.bitsPerCell
  const converter = hardware.outputConverter?.cost ?? null
  const encoder = hardware.inputEncoder?.cost ?? null
  const conversionS = converter?.latencyPerActionS['convert'] ?? 0
  const cycleS = Math.max(options.crossbarReadS, options.columnsPerAdc * conversionS)
  const mvmTimeS = options.inputBits * cycleS
  const mvmsPerS = 1 / mvmTimeS
  const { rows, columns } = options
  const adcsPerCrossbar = Math.ceil(columns / options.columnsPerAdc)
  const costs = pumaComponentCosts
  const crossbarChildren: CostNode[] = [
    leaf('array', 1, crossbarArrayCost({ rows, columns }, hardware.device, technology, options.crossbarEnergy), 'array', { mvm: 1 / cycleS, cellRead: (rows * columns) / cycleS }),
    leaf('sample-hold', columns, costs.sampleHold, 'sampleHold', { sample: 1 / cycleS }),
    leaf('shift-add', 1, costs.shiftAdd, 'shiftAdd', { add: columns / cycleS }),
  ]
  if (converter !== null) crossbarChildren.push(leaf('adc', adcsPerCrossbar, converter, 'adc', { convert: options.columnsPerAdc / cycleS }))
  const operandBytes = 2
  // NOTE: PUMA broadcasts each input bit to the 16/b crossbars of an MVMU through one 1-bit DAC per
  // row (PUMA simulator isca_results/puma_ce_sweep.py: num_xbar/8 × xbar_size DACs). Activity counts
  // a drive per crossbar row (the engine's vocabulary), so each count carries 1/slices of a drive.
  const dacs: CostNode[] = encoder === null ? [] : [leaf('dac', rows, resizeComponentCost(encoder, { energy: 1 / slices, area: 1, leakage: 1 }, `one DAC per row shared by ${slices} crossbars; charged per crossbar row driven`), 'dac', { drive: slices / cycleS })]
  const mvmu: CostNode = {
    name: 'mvmu',
    count: options.mvmusPerCore,
    children: [
      { name: 'crossbar', count: slices, children: crossbarChildren },
      ...dacs,
      leaf('input-register', 1, costs.inputRegister, 'inputRegister', { bytes: rows * operandBytes * mvmsPerS }),
      leaf('output-register', 1, costs.outputRegister, 'outputRegister', { bytes: columns * operandBytes * mvmsPerS }),
    ],
  }
  // Per MVM: inputs copied into the MVMU registers and outputs read back once (register file), one
  // VFU op per output (sum, bias or activation), and about four instructions (load, mvm, alu, store).
  const coreOutputsPerS = options.mvmusPerCore * columns * mvmsPerS
  const coreInputsPerS = options.mvmusPerCore * rows * mvmsPerS
  const tileBytesPerS = options.coresPerTile * coreOutputsPerS * operandBytes
  const bufferRates = { readBytes: options.coresPerTile * coreInputsPerS * operandBytes, writeBytes: tileBytesPerS }
  // NOTE: PUMA's published node power is its simulator's peak power, which charges every digital unit
  // one access per cycle (src/ima_metrics.py, tile_metrics.py compute_pow_dyn); 'mvm-stream' instead
  // charges them at the rate the MVM stream above uses them (a lower, workload-shaped peak).
  const everyCycle = options.peakActivity === 'every-cycle'
  const rates = (cost: ComponentCostModelV1, stream: Record<string, number>, share = 1): Record<string, number> => (everyCycle ? pumaAccessRates(cost, options.clockHz * share) : stream)
  const registerFile = resizeComponentCost(costs.registerFile, { energy: 1, area: options.registerWords / 512, leakage: options.registerWords / 512 }, `sized for ${options.registerWords} words (1 KB = 512 words in constants.py)`)
  const core: CostNode = {
    name: 'core',
    count: options.coresPerTile,
    children: [
      mvmu,
      leaf('vfu', options.vfuLanes, costs.vfuAlu, 'digital', rates(costs.vfuAlu, { op: coreOutputsPerS / options.vfuLanes })),
      leaf('register-file', 1, registerFile, 'registerFile', rates(registerFile, { readBytes: (coreInputsPerS + coreOutputsPerS) * operandBytes, writeBytes: (coreInputsPerS + coreOutputsPerS) * operandBytes })),
      leaf('instruction-memory', 1, costs.instructionMemory, 'instructionMemory', rates(costs.instructionMemory, { fetch: 4 * options.mvmusPerCore * mvmsPerS })),
      leaf('control', 1, costs.coreControl, null, {}),
    ],
  }
  const memoryScale = options.sharedMemoryBytes / 65536
  const sharedMemory = resizeComponentCost(costs.sharedMemory, { energy: 1, area: memoryScale, leakage: memoryScale }, `resized to ${options.sharedMemoryBytes} B`)
  const attributeBuffer = resizeComponentCost(costs.attributeBuffer, { energy: 1, area: memoryScale, leakage: memoryScale }, `resized to ${options.sharedMemoryBytes} B of data`)
  const router = resizeComponentCost(costs.router, { energy: 1, area: 1 / options.tilesPerRouter, leakage: 1 / options.tilesPerRouter }, `one router per ${options.tilesPerRouter} tiles`)
  const tile: CostNode = {
    name: 'tile',
    count: options.tiles,
    children: [
      core,
      leaf('shared-memory', 1, sharedMemory, 'buffer', rates(sharedMemory, bufferRates)),
      leaf('shared-memory-bus', 1, costs.sharedMemoryBus, 'buffer', rates(costs.sharedMemoryBus, bufferRates)),
      leaf('shared-memory-controller', 1, costs.sharedMemoryController, 'buffer', rates(costs.sharedMemoryController, bufferRates)),
      leaf('attribute-buffer', 1, attributeBuffer, 'buffer', rates(attributeBuffer, bufferRates)),
      leaf('receive-buffer', 1, costs.receiveBuffer, 'network', rates(costs.receiveBuffer, { bytes: tileBytesPerS })),
      // A router's every-cycle power is shared by the tiles of its concentrated mesh (node_metrics.py: noc_intra_pow_dyn × tiles / cmesh_c).
      leaf('router', 1, router, 'network', rates(router, { bytes: tileBytesPerS }, 1 / options.tilesPerRouter)),
      leaf('tile-instruction-memory', 1, costs.tileInstructionMemory, null, everyCycle ? pumaAccessRates(costs.tileInstructionMemory, options.clockHz) : {}),
      leaf('tile-control', 1, costs.tileControl, null, {}),
    ],
  }
  const children: CostNode[] = [tile]
  if (options.hyperTransportLinks > 0) children.push(leaf('off-chip-link', options.hyperTransportLinks, isaacComponentCost('hyperTransport', { technology }), null, {}))
  const mvmus = options.tiles * options.coresPerTile * options.mvmusPerCore
  return { root: { name: 'node', count: 1, children }, cycleS, mvmTimeS, mvmus, macsPerSecond: (mvmus * rows * columns) / mvmTimeS }
}
