import { checkComponentCostModel } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { comparatorBankCost, pipelinedAdcCost, rampAdcCost, sarAdcCost } from './adc-cost.js'
import { resolutionEnergyFactor } from './adc-resolution-scaling.js'

const isaac = { bits: 8, sampleRateHz: 1.28e9, technologyNodeNm: 32 }

describe('SAR ADC cost', () => {
  it('ISAAC Table 6: 8-bit SAR at 1.28 GS/s, 32 nm is 2 mW and 1200 µm² (1.5625 pJ per conversion)', () => {
    const cost = sarAdcCost(isaac)
    checkComponentCostModel(cost)
    expect(cost.energyPerActionJ['convert']).toBeCloseTo(1.5625e-12, 18)
    expect(cost.energyPerActionJ['convert']! / cost.latencyPerActionS['convert']!).toBeCloseTo(2e-3, 12)
    expect(cost.areaMm2).toBeCloseTo(1.2e-3, 12)
    expect(cost.leakagePowerW).toBe(0)
    expect(cost.source).toContain('ISAAC')
  })

  it('ADC survey: energy per conversion doubles per bit up to 9 bits, then quadruples (thermal limit)', () => {
    const energy = (bits: number): number => sarAdcCost({ ...isaac, bits }).energyPerActionJ['convert']!
    expect(energy(7) / energy(8)).toBeCloseTo(0.5, 12)
    expect(energy(9) / energy(8)).toBeCloseTo(2, 12)
    expect(energy(10) / energy(9)).toBeCloseTo(4, 12)
    expect(energy(12) / energy(10)).toBeCloseTo(16, 12)
    expect(resolutionEnergyFactor(4, 4)).toBe(1)
  })

  it('area grows with bits (capacitive DAC ∝ 2^B) and the native rate falls as 1/B', () => {
    const six = sarAdcCost({ bits: 6, technologyNodeNm: 32 })
    const eight = sarAdcCost({ bits: 8, technologyNodeNm: 32 })
    expect(six.areaMm2).toBeCloseTo(eight.areaMm2 / 4, 12)
    expect(eight.latencyPerActionS['convert']).toBeCloseTo(1 / 1.28e9, 18)
    expect(six.latencyPerActionS['convert']).toBeCloseTo(6 / 8 / 1.28e9, 18)
  })

  it('constant-field scaling: a smaller node costs less energy, area and time; a higher supply more energy (CV²)', () => {
    const at32 = sarAdcCost({ bits: 8, technologyNodeNm: 32 })
    const at65 = sarAdcCost({ bits: 8, technologyNodeNm: 65 })
    expect(at65.energyPerActionJ['convert']).toBeGreaterThan(at32.energyPerActionJ['convert']!)
    expect(at65.areaMm2 / at32.areaMm2).toBeCloseTo((65 / 32) ** 2, 9)
    expect(at65.latencyPerActionS['convert']! / at32.latencyPerActionS['convert']!).toBeCloseTo(65 / 32, 9)
    const high = sarAdcCost({ bits: 8, technologyNodeNm: 32, supplyV: 1.2 })
    const low = sarAdcCost({ bits: 8, technologyNodeNm: 32, supplyV: 0.6 })
    expect(high.energyPerActionJ['convert']! / low.energyPerActionJ['convert']!).toBeCloseTo(4, 9)
  })

  it('a rate beyond one channel interleaves channels: area grows, energy per conversion does not', () => {
    const fast = sarAdcCost({ ...isaac, sampleRateHz: 3e9 })
    expect(fast.areaMm2).toBeCloseTo(3 * 1.2e-3, 12)
    expect(fast.energyPerActionJ['convert']).toBeCloseTo(1.5625e-12, 18)
    expect(fast.latencyPerActionS['convert']).toBeCloseTo(1 / 3e9, 18)
  })
})

describe('other ADC costs', () => {
  it('MNSIM ADC_Choice 1: 10-bit pipelined-SAR at 1.5 GS/s, 14 nm is 6.92 mW and 1600 µm²', () => {
    const cost = pipelinedAdcCost({ bits: 10, technologyNodeNm: 14 })
    checkComponentCostModel(cost)
    expect(cost.energyPerActionJ['convert']! / cost.latencyPerActionS['convert']!).toBeCloseTo(6.92e-3, 12)
    expect(cost.areaMm2).toBeCloseTo(1.6e-3, 12)
    expect(pipelinedAdcCost({ bits: 8, technologyNodeNm: 14 }).areaMm2).toBeCloseTo(1.28e-3, 12)
  })

  it('MNSIM ADC_Choice 8: a 1-bit comparator bank is one 28 nm sense amplifier (1.63 fJ, 1 µm², 1 ns)', () => {
    const cost = comparatorBankCost({ bits: 1, technologyNodeNm: 28 }, 'adc-flash')
    checkComponentCostModel(cost)
    expect(cost.energyPerActionJ['convert']).toBeCloseTo(1.63e-15, 20)
    expect(cost.areaMm2).toBeCloseTo(1e-6, 15)
    expect(cost.latencyPerActionS['convert']).toBeCloseTo(1e-9, 18)
    expect(comparatorBankCost({ bits: 3, technologyNodeNm: 28 }, 'adc-flash').energyPerActionJ['convert']).toBeCloseTo(7 * 1.63e-15, 20)
  })

  it('paper 003 §V C: a ramp ADC takes 2^B clock steps, so energy and latency double per bit', () => {
    const six = rampAdcCost({ bits: 6, technologyNodeNm: 28 })
    const seven = rampAdcCost({ bits: 7, technologyNodeNm: 28 })
    checkComponentCostModel(six)
    expect(six.latencyPerActionS['convert']).toBeCloseTo(64e-9, 15)
    expect(seven.energyPerActionJ['convert']! / six.energyPerActionJ['convert']!).toBeCloseTo(2, 12)
    expect(seven.latencyPerActionS['convert']! / six.latencyPerActionS['convert']!).toBeCloseTo(2, 12)
  })
})
