import { describe, expect, it } from 'vitest'
import { resolveDesignPoint } from './design-point.js'
import { nominalSupplyV } from './nominal-supply.js'

describe('nominal supply (PTM cards via NeuroSim Technology.cpp)', () => {
  it('matches the table at its nodes: 90 nm 1.2 V (paper 002), 32 nm 0.9 V (PUMA constants.py)', () => {
    expect(nominalSupplyV(90)).toBe(1.2)
    expect(nominalSupplyV(32)).toBe(0.9)
    expect(nominalSupplyV(130)).toBe(1.3)
    expect(nominalSupplyV(7)).toBe(0.7)
  })

  it('interpolates between nodes and clamps outside the table', () => {
    const at28 = nominalSupplyV(28)
    expect(at28).toBeGreaterThan(0.85)
    expect(at28).toBeLessThan(0.9)
    expect(nominalSupplyV(3)).toBe(0.7)
    expect(nominalSupplyV(250)).toBe(1.3)
    expect(() => nominalSupplyV(0)).toThrow()
  })

  it('resolves a design point with the nominal supply by default', () => {
    const point = resolveDesignPoint({ nodeNm: 32, supplyV: 0.9 }, { technologyNodeNm: 32 })
    expect(point.scale).toEqual({ energy: 1, area: 1, latency: 1 })
    expect(resolveDesignPoint({ nodeNm: 32, supplyV: 0.9 }, { technologyNodeNm: 32, supplyV: 1.8 }).scale.energy).toBeCloseTo(4, 12)
  })
})
