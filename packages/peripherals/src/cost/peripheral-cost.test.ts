import { checkComponentCostModel } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { multiBitDacCost, oneBitDriverCost, pwmDriverCost } from './driver-cost.js'
import { interleave } from './interleaving.js'
import { createSampleHoldCost } from './sample-hold-cost.js'
import { senseAmpCost } from './sense-amp-cost.js'
import { createShiftAddCost } from './shift-add-cost.js'
import { createTiaCost } from './tia-cost.js'

describe('driver costs', () => {
  it('ISAAC Table 6: 1024 1-bit DACs draw 4 mW in 0.00017 mm² at 32 nm (one drive per 100 ns cycle)', () => {
    const cost = oneBitDriverCost({ technologyNodeNm: 32 })
    checkComponentCostModel(cost)
    expect((1024 * cost.energyPerActionJ['drive']!) / cost.latencyPerActionS['drive']!).toBeCloseTo(4e-3, 12)
    expect(1024 * cost.areaMm2).toBeCloseTo(0.00017, 12)
  })

  it('paper 003 §V B: a multi-bit DAC costs 2^B − 1 unit drivers', () => {
    const unit = oneBitDriverCost({ technologyNodeNm: 32 })
    const dac = multiBitDacCost(4, { technologyNodeNm: 32 })
    checkComponentCostModel(dac)
    expect(dac.energyPerActionJ['drive']! / unit.energyPerActionJ['drive']!).toBeCloseTo(15, 9)
    expect(dac.areaMm2 / unit.areaMm2).toBeCloseTo(15, 9)
  })

  it('paper 003 §V B: a PWM pulse lasts (2^B − 1) slots', () => {
    const cost = pwmDriverCost(4, 2e-9, { technologyNodeNm: 32 })
    checkComponentCostModel(cost)
    expect(cost.latencyPerActionS['drive']).toBeCloseTo(30e-9, 18)
    expect(pwmDriverCost(5, 2e-9, { technologyNodeNm: 32 }).latencyPerActionS['drive']).toBeCloseTo(62e-9, 18)
  })
})

describe('digital and analog periphery', () => {
  it('ISAAC Table 6: 1024 sample-and-holds draw 10 µW in 0.00004 mm² at 32 nm', () => {
    const cost = createSampleHoldCost()
    checkComponentCostModel(cost)
    expect((1024 * cost.energyPerActionJ['sample']!) / cost.latencyPerActionS['sample']!).toBeCloseTo(10e-6, 15)
    expect(1024 * cost.areaMm2).toBeCloseTo(0.00004, 12)
  })

  it('ISAAC Table 6: 4 shift-and-add units draw 0.2 mW in 0.00024 mm² at 32 nm; cost ∝ width', () => {
    const cost = createShiftAddCost()
    checkComponentCostModel(cost)
    expect((4 * cost.energyPerActionJ['add']!) / cost.latencyPerActionS['add']!).toBeCloseTo(0.2e-3, 12)
    expect(4 * cost.areaMm2).toBeCloseTo(0.00024, 12)
    expect(createShiftAddCost({ widthBits: 32 }).energyPerActionJ['add']! / cost.energyPerActionJ['add']!).toBeCloseTo(2, 12)
    expect(createShiftAddCost({ technologyNodeNm: 65 }).energyPerActionJ['add']).toBeGreaterThan(cost.energyPerActionJ['add']!)
  })

  it('TIA settling model: energy = V·C_L·(B + 1)·ln2/(gm/ID), rising with bits, load and supply', () => {
    const cost = createTiaCost({ bits: 8, loadCapacitanceF: 100e-15, gmOverIdPerV: 15, supplyV: 0.9 })
    checkComponentCostModel(cost)
    expect(cost.energyPerActionJ['sample']).toBeCloseTo((0.9 * 100e-15 * 9 * Math.LN2) / 15, 20)
    expect(createTiaCost({ bits: 10, supplyV: 0.9 }).energyPerActionJ['sample']).toBeGreaterThan(cost.energyPerActionJ['sample']!)
    expect(createTiaCost({ bits: 8, supplyV: 1.2 }).energyPerActionJ['sample']).toBeGreaterThan(cost.energyPerActionJ['sample']!)
    expect(() => createTiaCost({ bit: 8 } as never)).toThrow()
  })

  it('paper 004: the XNOR-PCSA adds 4 transistors to a 7-transistor PCSA', () => {
    const plain = senseAmpCost('pcsa', { technologyNodeNm: 28 })
    const xnor = senseAmpCost('pcsa-xnor', { technologyNodeNm: 28 })
    checkComponentCostModel(xnor)
    expect(plain.energyPerActionJ['convert']).toBeCloseTo(1.63e-15, 20)
    expect(xnor.areaMm2 / plain.areaMm2).toBeCloseTo(11 / 7, 12)
  })

  it('interleaving keeps one channel at the native rate', () => {
    expect(interleave(1e9, undefined)).toEqual({ channels: 1, sampleRateHz: 1e9 })
    expect(interleave(1e9, 1e9)).toEqual({ channels: 1, sampleRateHz: 1e9 })
    expect(interleave(1e9, 2.5e9).channels).toBe(3)
  })
})
