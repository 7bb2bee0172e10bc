import { checkComponentCostModel } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { multilevelHardware, xnorHardware } from '../__fixtures__/paper-002-doubles.js'
import { vggLikeCifarNetwork } from '../network/vgg-like-cifar.js'
import { InputSplittingArchitecture } from './input-splitting-architecture.js'

const conventional = new InputSplittingArchitecture({ design: 'xnor-macro', scheme: 'conventional', supplyV: 1.2 })
const split = (supplyV: number) => new InputSplittingArchitecture({ design: 'xnor-macro', scheme: 'input-splitting', supplyV })
const within = (value: number, target: number, tolerance: number) => expect(Math.abs(value / target - 1)).toBeLessThanOrEqual(tolerance)

describe('xnor-macro peak (paper 002 §"Input splitting", Fig. 6)', () => {
  it('paper 002: conventional 3-bit flash at 1.2 V (6 kΩ) gives 20.8 TOPS/W ±15 %', () => {
    within(conventional.peak(xnorHardware('conventional', 1.2, 6e3)).topsPerW, 20.8, 0.15)
  })
  it('paper 002: input splitting at 0.8 V gives 80.9 TOPS/W (12 kΩ) and 116.0 TOPS/W (24 kΩ) ±15 %', () => {
    within(split(0.8).peak(xnorHardware('input-splitting', 0.8, 12e3)).topsPerW, 80.9, 0.15)
    within(split(0.8).peak(xnorHardware('input-splitting', 0.8, 24e3)).topsPerW, 116.0, 0.15)
  })
  it('paper 002 Fig. 6: TOPS/W rises with LRS and falls with supply (0.8–1.2 V)', () => {
    const supplies = [0.8, 0.9, 1.0, 1.1, 1.2]
    const grid = [6e3, 12e3, 24e3].map((lrs) => supplies.map((supplyV) => split(supplyV).peak(xnorHardware('input-splitting', supplyV, lrs)).topsPerW))
    for (let s = 0; s < supplies.length; s++) {
      expect(grid[0]![s]!).toBeLessThan(grid[1]![s]!)
      expect(grid[1]![s]!).toBeLessThan(grid[2]![s]!)
    }
    for (const row of grid) for (let s = 1; s < supplies.length; s++) expect(row[s]!).toBeLessThan(row[s - 1]!)
  })
  it('the array read dominates: the flash costs 7 SA decisions per conversion, the binary SA one (ADC area ÷ 7)', () => {
    const flash = conventional.macro(xnorHardware('conventional', 1.2, 6e3))
    const sa = split(1.2).macro(xnorHardware('input-splitting', 1.2, 6e3))
    expect(flash.energyPerMvmJ.converter / sa.energyPerMvmJ.converter).toBeCloseTo(7, 10)
    expect(flash.energyPerMvmJ.array).toBeCloseTo(sa.energyPerMvmJ.array, 20)
    expect(flash.energyPerMvmJ.converter).toBeLessThan(0.05 * flash.energyPerMvmJ.array)
    const area = (name: string, macro: typeof flash) => macro.components.find((c) => c.name === name)!
    expect((area('converter', flash).cost.areaMm2 * area('converter', flash).count) / (area('converter', sa).cost.areaMm2 * area('converter', sa).count)).toBeCloseTo(7, 10)
  })
  it('paper 002: the same column load puts the RBL at bit count 0 in the 0.6–0.7 V SA window for 6 kΩ at 1.2 V and 24 kΩ at 0.8 V', () => {
    expect(split(1.2).macro(xnorHardware('input-splitting', 1.2, 6e3)).bitlineAtZeroV).toBeCloseTo(0.65, 10)
    const low = split(0.8).macro(xnorHardware('input-splitting', 0.8, 24e3)).bitlineAtZeroV
    expect(low).toBeGreaterThan(0.6)
    expect(low).toBeLessThan(0.7)
    expect(split(0.8).macro(xnorHardware('input-splitting', 0.8, 6e3)).bitlineAtZeroV).toBeLessThan(0.6)
  })
  it('costs components that pass the cost-model checks', () => {
    for (const component of split(0.8).macro(xnorHardware('input-splitting', 0.8, 12e3)).components) checkComponentCostModel(component.cost)
  })
  it('rejects a converter that does not fit the scheme or runs at another supply', () => {
    expect(() => split(0.8).peak(xnorHardware('conventional', 0.8, 12e3))).toThrow(/1-bit sense amplifier/)
    expect(() => conventional.peak(xnorHardware('input-splitting', 1.2, 6e3))).toThrow(/multi-bit ADC/)
    expect(() => split(0.8).peak(xnorHardware('input-splitting', 1.2, 12e3))).toThrow(/supplyV/)
  })
})

describe('xnor-macro on the VGG-like network', () => {
  const network = vggLikeCifarNetwork({ multiplesOf7: true })
  it('paper 002: 63-input conv groups and 64-input FC groups (18/18/36/36/72 groups for conv2–conv6 at widths 126/252/504)', () => {
    const mapping = split(0.8).map(network)
    expect(mapping.layers.slice(1, 6).map((layer) => layer.rowBlocks)).toEqual([18, 18, 36, 36, 72])
    expect(mapping.layers[6]!.rowBlocks).toBe(126)
  })
  it('a network cost follows the macro: split at 0.8 V/24 kΩ beats conventional at 1.2 V/6 kΩ by about the peak ratio', () => {
    const hardwareA = xnorHardware('conventional', 1.2, 6e3)
    const hardwareB = xnorHardware('input-splitting', 0.8, 24e3)
    const a = conventional.cost(network, conventional.map(network), null, hardwareA)
    const b = split(0.8).cost(network, split(0.8).map(network), null, hardwareB)
    expect(b.topsPerW / a.topsPerW).toBeGreaterThan(3)
    expect(b.topsPerW).toBeLessThan(b.peak.topsPerW * 1.2)
    expect(a.breakdown.some((entry) => entry.component === 'merge-adder')).toBe(true)
  })
})

describe('multilevel design (paper 002 Table 1, NeuroSim)', () => {
  const network = vggLikeCifarNetwork()
  const report = (rows: number) => {
    const architecture = new InputSplittingArchitecture({ design: 'multilevel', rows })
    return architecture.cost(network, architecture.map(network), null, multilevelHardware())
  }
  const [r64, r128, r256] = [report(64), report(128), report(256)]
  it('paper 002 Table 1: area 19.64 / 19.21 / 14.71 mm² ±20 %, 64 > 128 > 256', () => {
    within(r64.areaMm2, 19.64, 0.2)
    within(r128.areaMm2, 19.21, 0.2)
    within(r256.areaMm2, 14.71, 0.2)
    expect(r64.areaMm2).toBeGreaterThan(r128.areaMm2)
    expect(r128.areaMm2).toBeGreaterThan(r256.areaMm2)
  })
  it('paper 002 Table 1: 17.35 / 18.52 / 10.95 TOPS/W ±20 %, 128 > 64 > 256', () => {
    within(r64.topsPerW, 17.35, 0.2)
    within(r128.topsPerW, 18.52, 0.2)
    within(r256.topsPerW, 10.95, 0.2)
    expect(r128.topsPerW).toBeGreaterThan(r64.topsPerW)
    expect(r64.topsPerW).toBeGreaterThan(r256.topsPerW)
  })
  it('paper 002 Table 1: 112.38 / 163.72 / 77.36 FPS ±20 %, 128 > 64 > 256', () => {
    within(r64.throughputFps, 112.38, 0.2)
    within(r128.throughputFps, 163.72, 0.2)
    within(r256.throughputFps, 77.36, 0.2)
    expect(r128.throughputFps).toBeGreaterThan(r64.throughputFps)
    expect(r64.throughputFps).toBeGreaterThan(r256.throughputFps)
  })
  it('paper 002 Table 1 leakage 1.78 / 0.77 / 0.81 µJ within a factor 1.5', () => {
    const leak = (r: typeof r64) => r.breakdown.find((entry) => entry.layer === 'static')!.energyJ
    for (const [r, target] of [[r64, 1.78e-6], [r128, 0.77e-6], [r256, 0.81e-6]] as const) {
      expect(leak(r)).toBeGreaterThan(target / 1.5)
      expect(leak(r)).toBeLessThan(target * 1.5)
    }
  })
})

describe('hierarchies', () => {
  it('both designs give costed hierarchies whose leaves pass the cost-model checks', async () => {
    const { flattenHierarchy } = await import('@cimkit/cost')
    const multilevel = new InputSplittingArchitecture({ design: 'multilevel', rows: 64 })
    for (const [architecture, hardware] of [[split(0.8), xnorHardware('input-splitting', 0.8, 24e3)], [multilevel, multilevelHardware()]] as const) {
      const leaves = flattenHierarchy(architecture.hierarchy(hardware) as never)
      expect(leaves.length).toBeGreaterThanOrEqual(2)
      for (const leaf of leaves) checkComponentCostModel(leaf.cost)
    }
    expect(multilevel.arrays).toMatchObject({ rows: 64, columns: 64, weightBits: 2, inputBits: 4, columnsPerConverter: 8 })
    expect(split(0.8).arrays.weightMapping).toBe('complementary-binary')
  })
})

describe('where the orderings come from', () => {
  const network = vggLikeCifarNetwork()
  const fps = (rows: number, overrides: Record<string, number>) => {
    const architecture = new InputSplittingArchitecture({ design: 'multilevel', rows, ...overrides })
    return architecture.cost(network, architecture.map(network), null, multilevelHardware()).throughputFps
  }
  it('paper 002: without the multiplexer delay growing with rows, 256×256 would not be the slowest', () => {
    expect(fps(256, { muxDelayPerRowSquaredS: 0 })).toBeGreaterThan(fps(128, { muxDelayPerRowSquaredS: 0 }))
  })
  it('paper 002: without the accumulation between subarrays, 64×64 would beat 128×128', () => {
    expect(fps(64, { accumulationDelayPerRowBlockS: 0 })).toBeGreaterThan(fps(128, { accumulationDelayPerRowBlockS: 0 }))
  })
  it('measured activity replaces the derived array, converter and driver counts', () => {
    const architecture = split(0.8)
    const hardware = xnorHardware('input-splitting', 0.8, 24e3)
    const net = vggLikeCifarNetwork({ multiplesOf7: true })
    const mapping = architecture.map(net)
    const derived = architecture.cost(net, mapping, null, hardware)
    const arrayJ = (report: typeof derived) => report.breakdown.find((entry) => entry.layer === 'fc2' && entry.component === 'xnor-array')!.energyJ
    const evaluations = mapping.layers[7]!.arraysPerCopy
    const measured = architecture.cost(net, mapping, { layers: { fc2: { array: { mvm: 2 * evaluations } } } }, hardware)
    expect(arrayJ(measured)).toBeCloseTo(2 * arrayJ(derived), 20)
  })
})
