import { describe, expect, it } from 'vitest'
import { bitlineVoltageV, designBitlineLoadOhm, expectedColumnReadPowerW, xnorColumnConductanceS } from './xnor-column.js'

const devices = (lrsOhm: number) => ({ rows: 64, lrsS: 1 / lrsOhm, hrsS: 1 / 200e3 })

describe('XNOR-RRAM column (paper 002)', () => {
  it('conductance is linear in the bit count: G(s) = 64·(G_L + G_H)/2 + s·(G_L − G_H)/2', () => {
    const d = devices(12e3)
    for (const plus of [0, 10, 32, 50, 64]) {
      const s = 2 * plus - 64
      expect(xnorColumnConductanceS(d, plus)).toBeCloseTo((64 * (d.lrsS + d.hrsS)) / 2 + (s * (d.lrsS - d.hrsS)) / 2, 15)
    }
  })
  it('the bit-line voltage falls monotonically with the bit count (one reference separates signs)', () => {
    const load = designBitlineLoadOhm(devices(6e3), { supplyV: 1.2, bitlineV: 0.65 })
    let previous = Infinity
    for (let plus = 0; plus <= 64; plus++) {
      const v = bitlineVoltageV(devices(12e3), plus, load, 1.0)
      expect(v).toBeLessThan(previous)
      previous = v
    }
  })
  it('read power: V_DD² scaling, falling with LRS, equal to the direct sum at one bit count when rows = 1', () => {
    const load = 154
    expect(expectedColumnReadPowerW(devices(12e3), load, 0.8) / expectedColumnReadPowerW(devices(12e3), load, 1.2)).toBeCloseTo((0.8 / 1.2) ** 2, 12)
    expect(expectedColumnReadPowerW(devices(24e3), load, 0.8)).toBeLessThan(expectedColumnReadPowerW(devices(12e3), load, 0.8))
    const single = { rows: 1, lrsS: 1e-4, hrsS: 1e-5 }
    const direct = 0.5 / (load + 1e4) + 0.5 / (load + 1e5)
    expect(expectedColumnReadPowerW(single, load, 1)).toBeCloseTo(direct, 15)
  })
  it('rejects a design bit-line voltage outside (0, V_DD)', () => {
    expect(() => designBitlineLoadOhm(devices(6e3), { supplyV: 1.2, bitlineV: 1.3 })).toThrow(RangeError)
  })
})
