import { flattenHierarchy } from '@cimkit/cost'
import type { CostNode } from '@cimkit/cost'
import { checkComponentCostModel, checkSerialisable } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { bnnHardware, lognormalBinaryDevice, pcsaDouble } from './__fixtures__/paper-004-doubles.js'
import { mnistBnn } from './__fixtures__/networks.js'
import { createBnn2t2rArchitecture } from './bnn2t2r-architecture.js'
import { adderCost } from './cost/adder-cost.js'

const advanced = { nodeNm: 28, supplyV: 0.9 }
// Paper 004 §4.1.3: "the ensemble of a read operation and the corresponding addition typically
// consumes fourteen femtojoules … in advanced node". The addition is the architecture's own 1-bit
// add (Horowitz ISSCC 2014 scaled to 28 nm, ≈ 2.3 fJ); the XNOR-PCSA double carries the rest.
const addJ = adderCost('popcount-counter', 'add', 1, advanced, 1e-9).energyPerActionJ.add!
function advancedHardware() {
  const cell = lognormalBinaryDevice()
  const device = { ...cell, cost: { ...cell.cost, technologyNodeNm: 28, readPulseS: 100e-12, source: 'test double: 28 nm, 100 ps read (paper 004 §2.2)' } }
  const senseAmp = pcsaDouble({ convertEnergyJ: 14e-15 - addJ, latencyS: 100e-12, source: 'test double: paper 004 §4.1.3 read + add ≈ 14 fJ less the 1-bit add; PCSA ≈ 100 ps scaled (§2.2)' })
  return bnnHardware(device, senseAmp)
}

describe('bnn2t2r architecture', () => {
  it('paper 004 §4.1.3: 25 nJ per MNIST digit on 784-1024-1024-10 at the advanced node (±25 %), ≈ 14 fJ per synapse', () => {
    const architecture = createBnn2t2rArchitecture({ technologyNodeNm: 28, supplyV: 0.9 })
    const hardware = advancedHardware()
    const mapping = architecture.map(mnistBnn)
    const report = architecture.cost(mnistBnn, mapping, null, hardware)
    expect(Math.abs(report.energyPerInferenceJ / 25e-9 - 1)).toBeLessThan(0.25)
    expect(Math.abs(report.energyPerInferenceJ / 1_861_632 / 14e-15 - 1)).toBeLessThan(0.25)
    expect(addJ).toBeCloseTo(0.03e-12 / 8 * (28 / 45), 18)
    const total = report.breakdown.reduce((sum, entry) => sum + entry.energyJ, 0)
    expect(total).toBeCloseTo(report.energyPerInferenceJ, 18)
    expect(report.layers.reduce((sum, layer) => sum + layer.energyJ, 0)).toBeCloseTo(report.energyPerInferenceJ, 18)
    // XNOR-PCSA decisions plus their adds dominate; tree and thresholds are the rest
    const senseJ = report.breakdown.filter((entry) => entry.component === 'sense-amp').reduce((sum, entry) => sum + entry.energyJ, 0)
    expect(senseJ / report.energyPerInferenceJ).toBeGreaterThan(0.75)
    expect(report.counts.fc2!.adc!.convert).toBe(1024 * 1024)
    // one clock = the 100 ps PCSA; 74 cycles per digit; layers pipelined at the slowest (32 cycles)
    expect(report.cycleS).toBeCloseTo(100e-12, 18)
    expect(report.latencyS).toBeCloseTo(74 * 100e-12, 18)
    expect(report.throughputFps).toBeCloseTo(1 / (32 * 100e-12), 0)
    expect(report.chips).toBe(1)
  })

  it('synapseEnergy published: 14 fJ per synapse (§4.1.3) gives ≈ 25 nJ with any sense amplifier; bottom-up components (MNSIM-scaled PCSA) give ≈ 10.8 nJ', () => {
    const cell = lognormalBinaryDevice()
    const device = { ...cell, cost: { ...cell.cost, technologyNodeNm: 28, readPulseS: 100e-12 } }
    // peripherals' pcsa-xnor at 28 nm: MNSIM's 1-bit SA, 1.63 µW at 1 GS/s (1.63 fJ), × 11/7 for the XNOR transistors
    const mnsimPcsa = pcsaDouble({ convertEnergyJ: 1.63e-15 * (11 / 7), latencyS: 1e-9, source: 'test double: MNSIM 28 nm SA × 11/7 (peripherals pcsa-xnor)' })
    const hardware = bnnHardware(device, mnsimPcsa)
    const published = createBnn2t2rArchitecture({ technologyNodeNm: 28, supplyV: 0.9, synapseEnergy: 'published' })
    const publishedJ = published.cost(mnistBnn, published.map(mnistBnn), null, hardware).energyPerInferenceJ
    expect(Math.abs(publishedJ / 25e-9 - 1)).toBeLessThan(0.25)
    const components = createBnn2t2rArchitecture({ technologyNodeNm: 28, supplyV: 0.9 })
    const componentsJ = components.cost(mnistBnn, components.map(mnistBnn), null, hardware).energyPerInferenceJ
    expect(componentsJ).toBeCloseTo(publishedJ - 1_878_016 * (14e-15 - addJ - 1.63e-15 * (11 / 7)), 15)
    expect(componentsJ / 10.8e-9).toBeCloseTo(1, 1)
    // the published figure moves with the node: (130/28)·(1.2/0.9)² at 130 nm, 1.2 V
    const at130 = createBnn2t2rArchitecture({ synapseEnergy: 'published' })
    const popcount = (architecture: typeof at130): number => flattenHierarchy(architecture.hierarchy(hardware) as CostNode).find((leaf) => leaf.name === 'popcount')!.cost.energyPerActionJ.add!
    expect(popcount(at130)).toBeCloseTo(14e-15 * (130 / 28) * (1.2 / 0.9) ** 2, 20)
    expect(popcount(published)).toBeCloseTo(14e-15, 20)
  })

  it('paper 004 §2.2 test chip: 10 ns reads at 130 nm give 740 ns per digit; energy grows with the node (constant-field scaling)', () => {
    const device = lognormalBinaryDevice()
    const at130 = createBnn2t2rArchitecture({ cycleS: 10e-9 })
    const hardware130 = bnnHardware(device, pcsaDouble({ convertEnergyJ: 0 }))
    const report = at130.cost(mnistBnn, at130.map(mnistBnn), null, hardware130)
    expect(report.latencyS).toBeCloseTo(740e-9, 15)
    const logic28 = createBnn2t2rArchitecture({ cycleS: 10e-9, technologyNodeNm: 28, supplyV: 0.9 })
    const report28 = logic28.cost(mnistBnn, logic28.map(mnistBnn), null, hardware130)
    // logic only (the sense amplifier costs 0 here): E ∝ L·V² → (130/28)·(1.2/0.9)² = 8.25
    expect(report.energyPerInferenceJ / report28.energyPerInferenceJ).toBeCloseTo((130 / 28) * (1.2 / 0.9) ** 2, 6)
  })

  it('maps one block grid per layer: 1856 kilobit blocks, utilization K·J/(blocks·n²), a second chip when the cells run out', () => {
    const mapping = createBnn2t2rArchitecture().map(mnistBnn)
    expect(mapping.arraysUsed).toBe(1856)
    expect(mapping.arraysAvailable).toBe(1856)
    expect(mapping.layers.map((layer) => layer.arraysPerCopy)).toEqual([800, 1024, 32])
    expect(mapping.layers[0]!.utilization).toBeCloseTo(784 / 800, 12)
    expect(mapping.layers[2]!.utilization).toBeCloseTo(10 / 32, 12)
    expect(mapping.layers[1]!.placement).toEqual({ mode: 'parallel-to-sequential', firstBlock: 800, blocks: 1024, cyclesPerMvm: 32 })
    const small = createBnn2t2rArchitecture({ basicCells: 1000 })
    const report = small.cost(mnistBnn, small.map(mnistBnn), null, advancedHardware())
    expect(report.chips).toBe(2)
  })

  it('hierarchy: chip → basic cells of one n×n array, n sense amplifiers, popcount, accumulator, threshold; every leaf costed and sourced', () => {
    const hardware = advancedHardware()
    const root = createBnn2t2rArchitecture().hierarchy(hardware) as CostNode
    const leaves = flattenHierarchy(root)
    expect(leaves.map((leaf) => [leaf.name, leaf.count])).toEqual([
      ['array', 1856],
      ['sense-amp', 1856 * 32],
      ['popcount', 1856],
      ['accumulator', 1856],
      ['threshold', 1856],
    ])
    for (const leaf of leaves) checkComponentCostModel(leaf.cost)
    // 32×32 pairs of 12 F² devices at 28 nm
    expect(leaves[0]!.cost.areaMm2).toBeCloseTo(32 * 32 * 2 * 12 * (28e-6) ** 2, 15)
    expect(leaves[1]!.cost).toBe(hardware.outputConverter!.cost)
  })

  it('peak: every basic cell reads a 32-bit row per cycle (2 × 1856 × 32 / 100 ps = 1.19 POPS)', () => {
    const peak = createBnn2t2rArchitecture({ technologyNodeNm: 28, supplyV: 0.9 }).peak(advancedHardware())
    expect(peak.tops).toBeCloseTo((2 * 1856 * 32) / 100e-12 / 1e12, 6)
    expect(peak.topsPerW).toBeGreaterThan(0)
    expect(Object.values(peak.powerShare!).reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12)
  })

  it('1T1R mode halves the array area; measured activity replaces derived counts role by role; the device read option charges V²·Ḡ·t', () => {
    const hardware = advancedHardware()
    const area = (cell: '2t2r' | '1t1r'): number => flattenHierarchy(createBnn2t2rArchitecture({ cell }).hierarchy(hardware) as CostNode)[0]!.cost.areaMm2
    expect(area('1t1r')).toBeCloseTo(area('2t2r') / 2, 15)
    expect(createBnn2t2rArchitecture({ cell: '1t1r' }).arrays.weightMapping).toBe('offset-reference')
    const architecture = createBnn2t2rArchitecture({ technologyNodeNm: 28, supplyV: 0.9 })
    const mapping = architecture.map(mnistBnn)
    const derived = architecture.cost(mnistBnn, mapping, null, hardware)
    const measured = architecture.cost(mnistBnn, mapping, { layers: { fc2: { adc: { convert: 0 } } } }, hardware)
    expect(measured.counts.fc2!.adc!.convert).toBe(0)
    expect(measured.counts.fc2!.popcount!.add).toBe(1024 * 1024)
    expect(derived.energyPerInferenceJ - measured.energyPerInferenceJ).toBeCloseTo(1024 * 1024 * (14e-15 - addJ), 18)
    const withDevice = createBnn2t2rArchitecture({ technologyNodeNm: 28, supplyV: 0.9, cellReadEnergy: 'device' }).cost(mnistBnn, mapping, null, hardware)
    const cell = hardware.device!
    const perRead = cell.cost.readVoltageV ** 2 * ((cell.conductanceRangeS.minS + cell.conductanceRangeS.maxS) / 2) * cell.cost.readPulseS
    expect(withDevice.energyPerInferenceJ - derived.energyPerInferenceJ).toBeCloseTo(2 * 1_878_016 * perRead, 15)
  })

  it('paper 004 §2.1: programming is one SET and one RESET per 2T2R bit, no verify: 2 × 1,861,632 pulses of 2 V × 55 µA × 1 µs', () => {
    const hardware = advancedHardware()
    const programming = createBnn2t2rArchitecture().programming(mnistBnn, hardware)
    expect(programming.pulses).toBe(2 * 1_861_632)
    expect(programming.energyJ).toBeCloseTo(2 * 1_861_632 * 110e-12, 12)
    expect(programming.timeS).toBeCloseTo(2 * 1_861_632 * 1e-6, 9)
    expect(createBnn2t2rArchitecture({ cell: '1t1r' }).programming(mnistBnn, hardware).pulses).toBe(1_861_632)
  })

  it('states its array organisation, serialises, and needs a sense amplifier', () => {
    const architecture = createBnn2t2rArchitecture()
    // 32 × 32 bits on 64 bit lines (one BL/BLb pair per 2T2R bit), each synapse sensed by its own PCSA decision.
    expect(architecture.arrays).toEqual({ rows: 32, columns: 64, weightBits: 1, bitsPerCell: 1, inputBits: 1, weightMapping: 'complementary-binary', conversion: 'per-input-bit', columnsPerConverter: 1, sensing: 'per-cell' })
    expect(createBnn2t2rArchitecture({ cell: '1t1r' }).arrays).toMatchObject({ columns: 32, weightMapping: 'offset-reference', sensing: 'per-cell' })
    checkSerialisable(architecture)
    expect(() => architecture.peak(bnnHardware(lognormalBinaryDevice(), null))).toThrow(/sense amplifier/)
    expect(() => architecture.map({ name: 'empty', layers: [] })).toThrow()
  })
})
