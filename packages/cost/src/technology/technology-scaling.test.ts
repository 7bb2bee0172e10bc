import { describe, expect, it } from 'vitest'
import { technologyScaleFactors } from './technology-scaling.js'

describe('technologyScaleFactors (constant-field scaling)', () => {
  it('is the identity at the same point', () => {
    expect(technologyScaleFactors({ nodeNm: 32, supplyV: 1 }, { nodeNm: 32, supplyV: 1 })).toEqual({ energy: 1, area: 1, latency: 1 })
  })

  it('scales energy as L·V², area as L², latency as L (32 nm 1.0 V → 65 nm 1.2 V)', () => {
    const factors = technologyScaleFactors({ nodeNm: 32, supplyV: 1 }, { nodeNm: 65, supplyV: 1.2 })
    expect(factors.energy).toBeCloseTo((65 / 32) * 1.44, 12)
    expect(factors.area).toBeCloseTo((65 / 32) ** 2, 12)
    expect(factors.latency).toBeCloseTo(65 / 32, 12)
  })

  it('CV² supply scaling alone: 1.2 V → 0.8 V cuts energy to 4/9 (paper 002 voltage sweep rule)', () => {
    expect(technologyScaleFactors({ nodeNm: 90, supplyV: 1.2 }, { nodeNm: 90, supplyV: 0.8 }).energy).toBeCloseTo(4 / 9, 12)
  })

  it('rejects non-positive nodes and supplies', () => {
    expect(() => technologyScaleFactors({ nodeNm: 0, supplyV: 1 }, { nodeNm: 32, supplyV: 1 })).toThrow(/from/)
  })
})
