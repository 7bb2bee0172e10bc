import { defineComponentCost, InvalidArgumentError } from '@cimkit/core'
import type { ComponentCostModelV1, HardwareV1, OutputConverterV1 } from '@cimkit/core'
import { resizeComponentCost, technologyScaleFactors } from '@cimkit/cost'
import type { CostNode } from '@cimkit/cost'
import type { ResolvedBnn2t2rOptions } from './bnn2t2r-options.js'
import { adderCost } from './cost/adder-cost.js'

/** The costed chip of a 2T2R BNN design and the timing it runs at. @since 0.1.0 */
export interface Bnn2t2rChip {
  readonly root: CostNode
  /** Clock period, seconds. */
  readonly cycleS: number
  /** Devices per stored bit: 2 (2T2R) or 1 (1T1R). */
  readonly devicesPerBit: number
  readonly counterBits: number
  readonly accumulatorBits: number
  /** Multiply-accumulates (XNOR + add) per second with every basic cell reading a row each cycle. */
  readonly macsPerSecond: number
}

/** The sense amplifier every column needs; the design cannot be costed without it. */
function senseAmpOf(hardware: HardwareV1): OutputConverterV1 {
  if (hardware.outputConverter === null) {
    throw new InvalidArgumentError('peripherals.adc', "the bnn2t2r architecture reads every column with a sense amplifier: configure one (e.g. { type: 'pcsa-xnor' })")
  }
  return hardware.outputConverter
}

/** Paper 004 §4.1.3: "the ensemble of a read operation and the corresponding addition typically consumes fourteen femtojoules … in advanced node" (28 nm kit, §2.4; 0.9 V assumed). @since 0.1.0 */
export const PUBLISHED_SYNAPSE_ENERGY = { energyJ: 14e-15, nodeNm: 28, supplyV: 0.9 } as const

/**
 * The sense amplifier and popcount costs a synapse is charged with: the components', or (option
 * `synapseEnergy: published`) paper 004's per-synapse figure on the popcount and none on the sense
 * amplifier, whose decision it includes.
 */
function synapseCosts(options: ResolvedBnn2t2rOptions, senseAmp: OutputConverterV1, componentAdd: ComponentCostModelV1): { sense: ComponentCostModelV1; add: ComponentCostModelV1 } {
  if (options.synapseEnergy === 'components') return { sense: senseAmp.cost, add: componentAdd }
  const { nodeNm, supplyV, energyJ } = PUBLISHED_SYNAPSE_ENERGY
  const scale = technologyScaleFactors({ nodeNm, supplyV }, { nodeNm: options.technologyNodeNm, supplyV: options.supplyV }).energy
  const note = 'paper 004 §4.1.3: ≈ 14 fJ per synapse read + addition at 28 nm (0.9 V assumed)'
  return {
    sense: defineComponentCost({ ...senseAmp.cost, energyPerActionJ: { ...senseAmp.cost.energyPerActionJ, convert: 0 }, source: `${senseAmp.cost.source}; decision energy inside the published per-synapse figure (${note})` }),
    add: defineComponentCost({ ...componentAdd, energyPerActionJ: { add: energyJ * scale }, source: `${note}${scale === 1 ? '' : `, scaled × ${scale.toPrecision(4)} (E ∝ L·V²)`}; area: ${componentAdd.source}` }),
  }
}

/** Bits to hold 0…count. @since 0.1.0 */
export function bitsToCount(count: number): number {
  return Math.ceil(Math.log2(count + 1))
}

/**
 * Builds the hierarchy of paper 004's digital in-memory BNN (Fig. 3): chip → basic cells, each an
 * n × n block of 2T2R bits (`array`, area from the device's cell footprint), n XNOR sense amplifiers
 * (`sense-amp`, the configured `peripherals.adc`), a popcount counter charged one full-adder bit per
 * synapse (`popcount`), an accumulator of the popcount tree (`accumulator`) and a threshold unit
 * (`threshold`: subtractor plus a read of the threshold through the same sense amplifiers; NOTE:
 * paper 004 only says thresholds sit "in a separate memory array", taken here as 2T2R too).
 * @since 0.1.0
 */
export function buildBnn2t2rChip(options: ResolvedBnn2t2rOptions, hardware: HardwareV1): Bnn2t2rChip {
  const senseAmp = senseAmpOf(hardware)
  const device = hardware.device
  const n = options.blockSize
  const devicesPerBit = options.cell === '2t2r' ? 2 : 1
  const counterBits = options.counterBits ?? bitsToCount(n)
  const accumulatorBits = options.accumulatorBits ?? bitsToCount(n * n)
  const senseS = senseAmp.cost.latencyPerActionS.convert ?? 0
  const cycleS = options.cycleS ?? Math.max(senseS, device?.cost.readPulseS ?? 0)
  if (!(cycleS > 0)) throw new InvalidArgumentError('cycleS', 'no clock: set cycleS, or configure a sense amplifier or device with a read latency')
  const technology = { nodeNm: options.technologyNodeNm, supplyV: options.supplyV }
  const senseJ = senseAmp.cost.energyPerActionJ.convert ?? 0

  const featureMm = (device?.cost.technologyNodeNm ?? options.technologyNodeNm) * 1e-6
  const cellAreaMm2 = (device?.cost.cellAreaF2 ?? 0) * featureMm * featureMm
  const meanConductanceS = device === null ? 0 : (device.conductanceRangeS.minS + device.conductanceRangeS.maxS) / 2
  const deviceReadJ = device === null ? 0 : device.cost.readVoltageV ** 2 * meanConductanceS * device.cost.readPulseS
  const arrayCost: ComponentCostModelV1 = defineComponentCost({
    componentClass: options.cell === '2t2r' ? 'array-2t2r' : 'array-1t1r',
    energyPerActionJ: { mvm: 0, cellRead: options.cellReadEnergy === 'device' ? deviceReadJ : 0, write: device?.cost.writeEnergyPerPulseJ ?? 0 },
    latencyPerActionS: { mvm: cycleS, write: device?.cost.writePulseS ?? 0 },
    areaMm2: n * n * devicesPerBit * cellAreaMm2,
    source:
      `${n}×${n} bits × ${devicesPerBit} device(s) × ${device?.cost.cellAreaF2 ?? 0} F² at ${device?.cost.technologyNodeNm ?? '-'} nm (${device?.cost.source ?? 'no device configured'}); ` +
      (options.cellReadEnergy === 'device' ? 'read V²·Ḡ·t per device' : 'read energy inside the precharge sense amplifier (no static current path, paper 004 §2.2)'),
  })
  const componentPopcount = resizeComponentCost(
    adderCost('popcount-counter', 'add', 1, technology, cycleS, '; one full-adder bit per XNOR result counted'),
    { energy: 1, area: n + counterBits, leakage: 1 },
    `area: ${n}-input popcount (≈ ${n} full adders) + ${counterBits}-bit counter`,
  )
  const { sense: senseCost, add: popcountCost } = synapseCosts(options, senseAmp, componentPopcount)
  const accumulatorCost = adderCost('popcount-tree-adder', 'add', accumulatorBits, technology, cycleS)
  const subtractor = adderCost('threshold-subtractor', 'compare', accumulatorBits, technology, cycleS)
  const thresholdCost = defineComponentCost({
    componentClass: 'threshold-unit',
    energyPerActionJ: { compare: (subtractor.energyPerActionJ.compare ?? 0) + accumulatorBits * senseJ },
    latencyPerActionS: { compare: cycleS },
    areaMm2: subtractor.areaMm2 + n * accumulatorBits * devicesPerBit * cellAreaMm2,
    source: `${subtractor.source}; plus ${accumulatorBits} threshold bits per neuron read through the sense amplifier (${senseAmp.cost.source}) from ${n} thresholds per cell stored in the same cells (assumption)`,
  })
  const perCycle = 1 / cycleS
  const basicCell: CostNode = {
    name: 'basic-cell',
    count: options.basicCells,
    children: [
      { name: 'array', count: 1, cost: arrayCost, role: 'array', peakActionsPerSecond: { mvm: perCycle, cellRead: n * devicesPerBit * perCycle } },
      { name: 'sense-amp', count: n, cost: senseCost, role: 'adc', peakActionsPerSecond: { convert: perCycle } },
      { name: 'popcount', count: 1, cost: popcountCost, role: 'popcount', peakActionsPerSecond: { add: n * perCycle } },
      { name: 'accumulator', count: 1, cost: accumulatorCost, role: 'accumulate', peakActionsPerSecond: { add: perCycle } },
      // NOTE: at full occupancy a column of N cells applies one threshold per cycle; taken as n here (N ≈ n for the paper's layers).
      { name: 'threshold', count: 1, cost: thresholdCost, role: 'threshold', peakActionsPerSecond: { compare: perCycle / n } },
    ],
  }
  return {
    root: { name: 'chip', count: 1, children: [basicCell] },
    cycleS,
    devicesPerBit,
    counterBits,
    accumulatorBits,
    macsPerSecond: options.basicCells * n * perCycle,
  }
}
