import { flattenHierarchy } from '@cimkit/cost'
import type { CostNode } from '@cimkit/cost'
import { checkComponentCostModel, checkSerialisable } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { convLayer, denseLayer, isaacHardwareDoubles, vgg8 } from '@cimkit/cost/testing'
import { createIsaacArchitecture, isaacAdcBits } from './create-isaac-architecture.js'

// Doubles carry ISAAC Table 6: ADC 2 mW / 1200 µm² at 1.28 GS/s, 1-bit DACs 4 mW / 0.00017 mm² per
// 1024, crossbar 0.3 mW / 25 µm² per 128×128 (see @cimkit/cost/testing).
const hardware = isaacHardwareDoubles()

describe('ISAAC architecture', () => {
  it('ISAAC-CE peak (survey Table III): 41.3 TOPS, 0.48 TOPS/mm², 0.63 TOPS/W within 10 %, ADC 49 % of power (§6.5)', () => {
    const peak = createIsaacArchitecture().peak(hardware)
    expect(Math.abs(peak.tops / 41.3 - 1)).toBeLessThan(0.1)
    expect(Math.abs(peak.topsPerMm2 / 0.48 - 1)).toBeLessThan(0.1)
    expect(Math.abs(peak.topsPerW / 0.63 - 1)).toBeLessThan(0.1)
    expect(Math.abs(peak.powerShare!.adc! - 0.49)).toBeLessThan(0.02)
  })

  it('with a 2 kΩ–2 MΩ cell read at 0.2 V for 100 ns (survey Table III; CiMLoop ISAAC cell), the published crossbar power keeps the peak; the device option follows the cell', () => {
    const cell = isaacHardwareDoubles().device!
    const device = { ...cell, conductanceRangeS: { minS: 1 / 2e6, maxS: 1 / 2e3 }, cost: { ...cell.cost, readVoltageV: 0.2 } }
    const published = createIsaacArchitecture().peak(isaacHardwareDoubles({ device }))
    expect(Math.abs(published.topsPerW / 0.63 - 1)).toBeLessThan(0.1)
    expect(Math.abs(published.topsPerMm2 / 0.48 - 1)).toBeLessThan(0.1)
    // V²·Ḡ·t = 0.04 × 250 µS × 100 ns = 1 pJ per cell, 546× ISAAC's 1.83 fJ
    const fromDevice = createIsaacArchitecture({ crossbarEnergy: 'device' }).peak(isaacHardwareDoubles({ device }))
    expect(fromDevice.topsPerW).toBeLessThan(published.topsPerW / 10)
  })

  it('ISAAC Table 6 totals: 65.8 W and 85.4 mm² per chip, 168 × 12 × 8 crossbars', () => {
    const architecture = createIsaacArchitecture()
    const peak = architecture.peak(hardware)
    expect(peak.powerW).toBeCloseTo(65.8, 1)
    expect(peak.tops / peak.topsPerMm2).toBeCloseTo(85.4, 1)
    const chip = architecture.chip(hardware)
    expect(chip.arraysAvailable).toBe(168 * 12 * 8)
    expect(chip.cycleS).toBeCloseTo(100e-9, 15) // 128 columns at 1.28 GS/s
    expect(chip.mvmTimeS).toBeCloseTo(1.6e-6, 15) // 16 one-bit input cycles
  })

  it('needs an 8-bit ADC with the flipped-weight encoding and 9 bits without (survey Eq. 10)', () => {
    expect(isaacAdcBits()).toBe(8)
    expect(isaacAdcBits({ flippedWeights: false })).toBe(9)
    expect(createIsaacArchitecture().arrays.weightMapping).toBe('biased-flipped')
  })

  it('the hierarchy is chip → tile → IMA → crossbar with ISAAC counts, every leaf costed and sourced', () => {
    const root = createIsaacArchitecture().hierarchy(hardware) as CostNode
    const leaves = flattenHierarchy(root)
    const count = (name: string): number => leaves.find((leaf) => leaf.name === name)!.count
    expect(count('array')).toBe(168 * 12 * 8)
    expect(count('adc')).toBe(168 * 12 * 8)
    expect(count('dac')).toBe(168 * 12 * 8 * 128)
    expect(count('shift-add')).toBe(168 * 12 * 4)
    expect(count('buffer')).toBe(168)
    expect(count('sigmoid')).toBe(168 * 2)
    expect(count('off-chip-link')).toBe(4)
    expect(leaves.find((leaf) => leaf.name === 'adc')!.path).toEqual(['chip', 'tile', 'ima', 'adc'])
    for (const leaf of leaves) checkComponentCostModel(leaf.cost)
  })

  it('replicates early conv layers more than later ones to balance the pipeline', () => {
    const network = vgg8()
    const mapping = createIsaacArchitecture().map(network)
    const copies = mapping.layers.map((layer) => layer.replication)
    expect(copies[0]!).toBeGreaterThan(copies[4]!)
    expect(copies[6]).toBe(1)
    expect(mapping.arraysUsed).toBeLessThanOrEqual(mapping.arraysAvailable)
  })

  it('costs VGG-8 per layer and component in under 2 s; a measured workload stays below peak', () => {
    const architecture = createIsaacArchitecture()
    const network = vgg8()
    const start = performance.now()
    const report = architecture.cost(network, architecture.map(network), null, hardware)
    expect(performance.now() - start).toBeLessThan(2000)
    expect(report.tops).toBeLessThanOrEqual(report.peak.tops)
    expect(report.tops).toBeGreaterThan(0)
    const adc = report.breakdown.filter((entry) => entry.component === 'adc').reduce((sum, entry) => sum + entry.energyJ, 0)
    expect(adc / report.energyPerInferenceJ).toBeGreaterThan(0.3)
    expect(report.breakdown.some((entry) => entry.layer === 'static' && entry.component === 'off-chip-link')).toBe(true)
  })

  it('the flipped-weight decode costs shift-and-add work: more flipped columns, more energy', () => {
    const network = { name: 'n', layers: [convLayer('conv', 16, 64, 8), denseLayer('fc', 1024, 10)] }
    const energy = (flippedColumnFraction: number): number => {
      const architecture = createIsaacArchitecture({ flippedColumnFraction })
      return architecture.cost(network, architecture.map(network), null, hardware).energyPerInferenceJ
    }
    expect(energy(1)).toBeGreaterThan(energy(0))
  })

  it('toJSON survives JSON and records the ADC bits the arrays need', () => {
    const architecture = createIsaacArchitecture()
    checkSerialisable(architecture)
    expect(architecture.toJSON()).toMatchObject({ type: 'isaac', requiredAdcBits: 8, tiles: 168 })
  })

  it('rejects slicings that do not fill an IMA', () => {
    expect(() => createIsaacArchitecture({ crossbarsPerIma: 6 })).toThrow(/crossbarsPerIma/)
  })
})
