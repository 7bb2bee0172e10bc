import { defineComponentCost } from '@cimkit/core'
import { checkComponentCostModel } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { componentCostFromPower, resizeComponentCost, scaleComponentCost } from './define-component-cost.js'

describe('component costs', () => {
  it('ISAAC Table 6: an 8-bit ADC drawing 2 mW at 1.28 GS/s costs 1.5625 pJ per conversion', () => {
    const cost = componentCostFromPower({ componentClass: 'adc-sar', powerW: 2e-3, actionsPerSecond: { convert: 1.28e9 }, areaMm2: 0.0012, source: 'ISAAC Table 6' })
    checkComponentCostModel(cost)
    expect(cost.energyPerActionJ.convert).toBeCloseTo(1.5625e-12, 20)
    expect(cost.latencyPerActionS.convert).toBeCloseTo(1 / 1.28e9, 20)
  })

  it('splits power evenly over several actions drawn at once (eDRAM reads and writes)', () => {
    const cost = componentCostFromPower({ componentClass: 'edram', powerW: 4, actionsPerSecond: { readBytes: 1, writeBytes: 3 }, areaMm2: 1, source: 'unit' })
    expect(cost.energyPerActionJ).toEqual({ readBytes: 1, writeBytes: 1 })
  })

  it('scales 32 nm/1 V → 65 nm/1.2 V by L·V² in energy, L² in area, L·V² ÷ L in leakage', () => {
    const base = defineComponentCost({ componentClass: 'x', energyPerActionJ: { op: 1 }, latencyPerActionS: { op: 1 }, leakagePowerW: 1, areaMm2: 1, source: 'unit' })
    const scaled = scaleComponentCost(base, { nodeNm: 32, supplyV: 1 }, { nodeNm: 65, supplyV: 1.2 })
    expect(scaled.energyPerActionJ.op).toBeCloseTo((65 / 32) * 1.44, 12)
    expect(scaled.areaMm2).toBeCloseTo((65 / 32) ** 2, 12)
    expect(scaled.latencyPerActionS.op).toBeCloseTo(65 / 32, 12)
    expect(scaled.leakagePowerW).toBeCloseTo(1.44, 12)
    expect(scaled.source).toMatch(/scaled 32 nm/)
    expect(scaleComponentCost(base, { nodeNm: 32, supplyV: 1 }, { nodeNm: 32, supplyV: 1 })).toBe(base)
  })

  it('resizes energy, area and leakage independently and keeps latency', () => {
    const base = defineComponentCost({ componentClass: 'x', energyPerActionJ: { op: 2 }, latencyPerActionS: { op: 3 }, leakagePowerW: 1, areaMm2: 1, source: 'unit' })
    const resized = resizeComponentCost(base, { energy: 1, area: 2, leakage: 4 }, 'twice the size')
    expect(resized.energyPerActionJ.op).toBe(2)
    expect(resized.latencyPerActionS.op).toBe(3)
    expect(resized.areaMm2).toBe(2)
    expect(resized.leakagePowerW).toBe(4)
  })

  it('rejects negative numbers, empty sources and zero rates', () => {
    expect(() => defineComponentCost({ componentClass: 'x', energyPerActionJ: { op: -1 }, areaMm2: 0, source: 's' })).toThrow(/energyPerActionJ.op/)
    expect(() => defineComponentCost({ componentClass: 'x', energyPerActionJ: {}, areaMm2: 0, source: ' ' })).toThrow(/source/)
    expect(() => componentCostFromPower({ componentClass: 'x', powerW: 1, actionsPerSecond: { op: 0 }, areaMm2: 0, source: 's' })).toThrow(/actionsPerSecond/)
  })
})
