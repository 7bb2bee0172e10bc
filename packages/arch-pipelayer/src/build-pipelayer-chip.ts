import { InvalidArgumentError } from '@cimkit/core'
import type { ComponentCostModelV1, HardwareV1 } from '@cimkit/core'
import { crossbarArrayCost, isaacComponentCost, isaacTable6 } from '@cimkit/cost'
import type { ArrayGeometry, CostNode } from '@cimkit/cost'
import type { ResolvedPipeLayerOptions } from './pipelayer-options.js'
import { deltaBufferCost, reramBufferCost } from './reram-buffer-cost.js'

/** A built PipeLayer chip. @since 0.1.0 */
export interface PipeLayerChip {
  readonly root: CostNode
  readonly geometry: ArrayGeometry
  /** One spike slot, seconds. */
  readonly cycleS: number
  /** Spike slots per MVM (the input encoder's cycles). */
  readonly inputCycles: number
  /** Slots one MVM occupies: the input's slots, or more when the counter's readout is longer. */
  readonly cyclesPerMvm: number
  readonly mvmTimeS: number
  /** Batch-end weight update: every row of ΔW read, every row of W and Wᵀ rewritten, seconds. */
  readonly updateS: number
  readonly macsPerSecond: number
  /** Latency of one parallel outer product into a ΔW subarray, seconds. */
  readonly outerProductS: number
}

/** Units needed to keep up with `ratePerS` at the per-unit rate of an ISAAC Table 6 row. */
function unitsFor(ratePerS: number, unitRatePerS: number): number {
  return Math.max(1, Math.ceil(ratePerS / unitRatePerS - 1e-9))
}

function node(name: string, count: number, cost: ComponentCostModelV1, role: string, peakActionsPerSecond: Record<string, number> = {}): CostNode {
  return { name, count, cost, role, peakActionsPerSecond }
}

/** PipeLayer's weight geometry: 4-bit cells, slices on separate subarrays (like ISAAC; the paper's layout is not in our sources). @since 0.1.0 */
export function pipeLayerGeometry(options: ResolvedPipeLayerOptions): ArrayGeometry {
  const slices = Math.ceil(options.weightBits / options.bitsPerCell)
  return { rows: options.rows, columns: options.columns, rowsPerInput: 1, columnsPerOutput: 1, arraysPerBlock: slices, cellsPerWeight: slices }
}

/**
 * PipeLayer's hierarchy: morphable subarrays (crossbar + one spike driver per row from the input
 * encoder + one integrate-and-fire counter per column from the output converter: no ADC/DAC),
 * memory subarrays (activation FIFOs) and, in training, ΔW buffer subarrays costed from the device,
 * plus shift-and-add, partial-sum and update adders, activation and max-pool units from ISAAC's
 * Table 6, as many as keep up with the subarrays at peak.
 * @since 0.1.0
 */
export function buildPipeLayerChip(options: ResolvedPipeLayerOptions, hardware: HardwareV1): PipeLayerChip {
  const geometry = pipeLayerGeometry(options)
  const device = hardware.device
  if (device === null) throw new InvalidArgumentError('device', 'PipeLayer costs its ReRAM subarrays from the configured device; configure one')
  const encoder = hardware.inputEncoder
  const converter = hardware.outputConverter
  const cycleS = options.cycleS ?? device.cost.readPulseS
  const inputCycles = encoder?.cycles ?? 1
  // NOTE: the integrate-and-fire counter fires while the spikes arrive, so its readout overlaps the
  // slots; only a readout longer than all of them stretches the MVM.
  const cyclesPerMvm = Math.max(inputCycles, Math.ceil((converter?.cost.latencyPerActionS.convert ?? 0) / cycleS - 1e-9))
  const mvmTimeS = cyclesPerMvm * cycleS
  const technology = { technology: { nodeNm: options.technologyNodeNm, supplyV: options.supplyV } }
  const shape = { rows: options.rows, columns: options.columns, bitsPerCell: options.bitsPerCell }
  const blocks = options.morphableSubarrays / geometry.arraysPerBlock
  const bytes = Math.ceil(options.inputBits / 8)
  const outputsPerS = (blocks * options.columns) / mvmTimeS
  const conversionsPerS = (options.morphableSubarrays * options.columns) / mvmTimeS

  const subarray: CostNode[] = [node('array', 1, crossbarArrayCost(geometry, device, technology.technology, options.crossbarEnergy), 'array', { mvm: 1 / cycleS, cellRead: (options.rows * options.columns) / cycleS })]
  if (encoder !== null) subarray.push(node('dac', options.rows, encoder.cost, 'dac', { drive: 1 / cycleS }))
  // NOTE: an integrate-and-fire counter integrates every spike slot of an MVM and is read once.
  if (converter !== null) subarray.push(node('adc', options.columns, converter.cost, 'adc', { convert: 1 / mvmTimeS }))
  // NOTE: digital units are counted to keep up with the subarrays at peak, at the per-unit rates
  // ISAAC's Table 6 powers were drawn at (the paper's unit counts are not in our sources).
  const shiftAdders = unitsFor(conversionsPerS, isaacTable6.imaShiftAdd.actionsPerSecond.add)
  const adders = unitsFor(outputsPerS, isaacTable6.tileShiftAdd.actionsPerSecond.add)
  const activations = unitsFor(outputsPerS, isaacTable6.sigmoid.actionsPerSecond.op)
  const pools = unitsFor(outputsPerS, isaacTable6.maxPool.actionsPerSecond.op)
  const adder = isaacComponentCost('tileShiftAdd', technology)
  const children: CostNode[] = [
    { name: 'subarray', count: options.morphableSubarrays, children: subarray },
    node('memory', options.memorySubarrays, reramBufferCost(shape, device), 'buffer', {
      readBytes: (blocks * options.rows * bytes) / mvmTimeS / Math.max(1, options.memorySubarrays),
      writeBytes: (outputsPerS * bytes) / Math.max(1, options.memorySubarrays),
    }),
    node('shift-add', shiftAdders, isaacComponentCost('imaShiftAdd', technology), 'shiftAdd', { add: conversionsPerS / shiftAdders }),
    node('partial-sum', adders, adder, 'partialSum', { add: outputsPerS / adders }),
    node('activation', activations, isaacComponentCost('sigmoid', technology), 'digital', { op: outputsPerS / activations }),
    node('max-pool', pools, isaacComponentCost('maxPool', technology), 'pooling', { op: outputsPerS / pools }),
  ]
  if (options.mode === 'training') {
    children.push(node('delta-buffer', options.deltaSubarrays, deltaBufferCost(shape, device), 'deltaBuffer'))
    children.push(node('update-adder', adders, adder, 'update'))
  }
  const updateS = options.rows * (device.cost.readPulseS + options.pulsesPerWrite * device.cost.writePulseS)
  return {
    root: { name: 'chip', count: 1, children },
    geometry,
    cycleS,
    inputCycles,
    cyclesPerMvm,
    mvmTimeS,
    updateS,
    macsPerSecond: (blocks * options.rows * options.columns) / mvmTimeS,
    outerProductS: 4 * device.cost.writePulseS,
  }
}
