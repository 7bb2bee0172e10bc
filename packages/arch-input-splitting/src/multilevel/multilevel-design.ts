import { defineComponentCost } from '@cimkit/core'
import type { DeviceModelV1, HardwareV1, LayerMappingV1, MappingV1, NetworkWorkloadV1, PeakPpaV1, PpaBreakdownEntryV1, PpaReportV1 } from '@cimkit/core'
import type { CostNode } from '@cimkit/cost'
import { cellAreaMm2, convertEnergyJ, convertLatencyS, requireConverter, requireDevice } from '../xnor/hardware-parts.js'
import type { ResolvedMultilevelOptions } from './multilevel-options.js'

/** Per-conversion figures of the design on the configured hardware. @since 0.1.0 */
export interface MultilevelStep {
  /** One multiplexer step: conversion plus select delay k·rows², seconds. */
  readonly stepS: number
  /** Mean programmed conductance (mean of the device's levels), siemens. */
  readonly meanConductanceS: number
  /** Energy of one conversion, joules (converter). */
  readonly convertJ: number
  readonly converterAreaMm2: number
  readonly cellAreaMm2: number
}

function meanConductanceS(device: DeviceModelV1): number {
  const levels = device.levelsS
  if (levels !== null && levels.length > 0) return levels.reduce((sum, level) => sum + level, 0) / levels.length
  return (device.conductanceRangeS.minS + device.conductanceRangeS.maxS) / 2
}

/** @since 0.1.0 */
export function multilevelStep(options: ResolvedMultilevelOptions, hardware: HardwareV1): MultilevelStep {
  const device = requireDevice(hardware, 'multilevel')
  const converter = requireConverter(hardware, 'multilevel')
  return {
    stepS: convertLatencyS(converter) + options.muxDelayPerRowSquaredS * options.rows * options.rows,
    meanConductanceS: meanConductanceS(device),
    convertJ: convertEnergyJ(converter),
    converterAreaMm2: converter.cost.areaMm2,
    cellAreaMm2: cellAreaMm2(device),
  }
}

/**
 * Energy of one conversion including the column current that flows while the column is connected to
 * the ADC: E_ADC + (active rows)·V²·Ḡ·t_step. A larger array has a larger column current and, through
 * wider multiplexer gates, a longer step (paper 002: 256×256 "large column current leads to
 * significantly higher ADC energy … larger transmission gate … higher latency").
 * @since 0.1.0
 */
export function conversionEnergyJ(options: ResolvedMultilevelOptions, step: MultilevelStep, activeRows: number): number {
  return step.convertJ + activeRows * options.readVoltageV * options.readVoltageV * step.meanConductanceS * step.stepS
}

/** Square arrays of `rows`, every layer resident, one copy. @since 0.1.0 */
export function mapMultilevel(network: NetworkWorkloadV1, options: ResolvedMultilevelOptions): MappingV1 {
  const cellsPerWeight = Math.ceil(options.weightBits / options.bitsPerCell)
  const layers: LayerMappingV1[] = network.layers.map((layer) => {
    const rowBlocks = Math.ceil(layer.inputs / options.rows)
    const columnBlocks = Math.ceil((layer.outputs * cellsPerWeight) / options.rows)
    const arrays = rowBlocks * columnBlocks
    return { layer: layer.name, rowBlocks, columnBlocks, arraysPerCopy: arrays, replication: 1, utilization: (layer.inputs * layer.outputs * cellsPerWeight) / (arrays * options.rows * options.rows) }
  })
  const arraysUsed = layers.reduce((sum, layer) => sum + layer.arraysPerCopy, 0)
  return { architecture: 'input-splitting', layers, arraysUsed, arraysAvailable: arraysUsed }
}

/**
 * Table 1-style evaluation, layer by layer (NeuroSim's mode in paper 002). Per layer with K inputs,
 * M outputs, b = ⌈K/rows⌉ row blocks and P MVMs: P·B·b·M conversions (B input bits) of
 * `conversionEnergyJ`; P·((b − 1)·M + B·b·M) adds; latency P·(B·8·t_step + (b − 1)·t_acc).
 * Leakage = converters × leakage × latency. Area = global + cells + converters.
 * TOPS/W = opsPerMac·MACs/(dynamic + leakage energy); FPS = 1/latency.
 * @since 0.1.0
 */
export function costMultilevelNetwork(network: NetworkWorkloadV1, mapping: MappingV1, options: ResolvedMultilevelOptions, hardware: HardwareV1, peak: PeakPpaV1): PpaReportV1 & { readonly leakageEnergyJ: number } {
  const step = multilevelStep(options, hardware)
  const cellsPerWeight = Math.ceil(options.weightBits / options.bitsPerCell)
  const breakdown: PpaBreakdownEntryV1[] = []
  let dynamicJ = 0
  let latencyS = 0
  let macs = 0
  network.layers.forEach((layer, index) => {
    const placed = mapping.layers[index]!
    const b = placed.rowBlocks
    const columns = layer.outputs * cellsPerWeight
    const activeRows = (layer.inputs / b) * options.inputOneFraction
    const conversions = layer.mvmsPerInference * options.inputBits * b * columns
    const adds = layer.mvmsPerInference * ((b - 1) * layer.outputs + options.inputBits * b * columns)
    const layerS = layer.mvmsPerInference * (options.inputBits * options.columnsPerConverter * step.stepS + (b - 1) * options.accumulationDelayPerRowBlockS)
    const adcJ = conversions * conversionEnergyJ(options, step, activeRows)
    const addJ = adds * options.accumulationEnergyPerAddJ
    breakdown.push({ layer: layer.name, component: 'adc-and-column', energyJ: adcJ, areaMm2: 0, latencyS: layerS })
    breakdown.push({ layer: layer.name, component: 'accumulation', energyJ: addJ, areaMm2: 0, latencyS: layerS })
    dynamicJ += adcJ + addJ
    latencyS += layerS
    macs += layer.inputs * layer.outputs * layer.mvmsPerInference
  })
  const converters = (mapping.arraysUsed * options.rows) / options.columnsPerConverter
  const leakageEnergyJ = converters * options.leakagePerConverterW * latencyS
  breakdown.push({ layer: 'static', component: 'converter-leakage', energyJ: leakageEnergyJ, areaMm2: 0, latencyS })
  const areaMm2 = options.globalAreaMm2 + mapping.arraysUsed * options.rows * options.rows * step.cellAreaMm2 + converters * step.converterAreaMm2
  const energyPerInferenceJ = dynamicJ + leakageEnergyJ
  const operations = options.opsPerMac * macs
  const throughputFps = latencyS > 0 ? 1 / latencyS : 0
  const tops = (operations * throughputFps) / 1e12
  return {
    areaMm2,
    energyPerInferenceJ,
    leakageEnergyJ,
    latencyS,
    throughputFps,
    tops,
    topsPerW: energyPerInferenceJ > 0 ? operations / energyPerInferenceJ / 1e12 : 0,
    topsPerMm2: areaMm2 > 0 ? tops / areaMm2 : 0,
    peak,
    breakdown,
  }
}

/**
 * Peak of ONE array with its ADCs, every row driven: rows² MACs per B·8 steps; energy of rows
 * conversions per bit with `inputOneFraction` of the rows conducting. The chip-level figures of
 * Table 1 come from `cost` on a network.
 * @since 0.1.0
 */
export function multilevelPeak(options: ResolvedMultilevelOptions, hardware: HardwareV1): PeakPpaV1 {
  const step = multilevelStep(options, hardware)
  const mvmS = options.inputBits * options.columnsPerConverter * step.stepS
  const energyJ = options.inputBits * options.rows * (conversionEnergyJ(options, step, options.rows * options.inputOneFraction) + options.accumulationEnergyPerAddJ)
  const converters = options.rows / options.columnsPerConverter
  const powerW = energyJ / mvmS + converters * options.leakagePerConverterW
  const areaMm2 = options.rows * options.rows * step.cellAreaMm2 + converters * step.converterAreaMm2
  const tops = (options.opsPerMac * options.rows * options.rows) / mvmS / 1e12
  return { tops, topsPerW: tops / powerW, topsPerMm2: tops / areaMm2, powerW }
}

/**
 * One array of the design as a costed hierarchy: the cell array (action `mvm` = one input-bit read of
 * every column: rows conversions' worth of column current, area rows²·cell) and rows/8 ADCs.
 * @since 0.1.0
 */
export function buildMultilevelArray(options: ResolvedMultilevelOptions, hardware: HardwareV1): CostNode {
  const step = multilevelStep(options, hardware)
  const converter = requireConverter(hardware, 'multilevel')
  const readS = options.columnsPerConverter * step.stepS
  const columnJ = conversionEnergyJ(options, step, options.rows * options.inputOneFraction) - step.convertJ
  const array = defineComponentCost({
    componentClass: 'rram-array-multilevel',
    energyPerActionJ: { mvm: options.rows * columnJ },
    latencyPerActionS: { mvm: readS },
    areaMm2: options.rows * options.rows * step.cellAreaMm2,
    source: `paper 002 Table 1 design: ${options.rows}×${options.rows} cells (configured device), column current V²·Ḡ·rows·${options.inputOneFraction} for each multiplexer step (read bias ${options.readVoltageV} V, fitted)`,
  })
  const converters = options.rows / options.columnsPerConverter
  return {
    name: 'multilevel-array',
    count: 1,
    children: [
      { name: 'cells', count: 1, cost: array, role: 'array', peakActionsPerSecond: { mvm: 1 / readS } },
      { name: 'converter', count: converters, cost: converter.cost, role: 'adc', peakActionsPerSecond: { convert: options.columnsPerConverter / readS } },
    ],
  }
}
