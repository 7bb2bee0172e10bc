import { describe, expect, it } from 'vitest'
import { inverseNormalCdf, normalCdf } from './normal.js'

describe('normal distribution helpers', () => {
  it('Φ matches tabulated values (Abramowitz & Stegun 26.2) to 1e-7 relative, into the 1e-9 tail', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7)
    expect(normalCdf(-1.959963984540054) / 0.025 - 1).toBeLessThan(1e-6)
    expect(Math.abs(normalCdf(-3) / 1.3498980316301e-3 - 1)).toBeLessThan(1e-6)
    expect(Math.abs(normalCdf(-6) / 9.865876450377e-10 - 1)).toBeLessThan(1e-6)
    expect(normalCdf(2) + normalCdf(-2)).toBeCloseTo(1, 12)
  })

  it('Φ⁻¹ inverts Φ from 1e-12 to 1 − 1e-6', () => {
    for (const p of [1e-12, 1e-8, 3.6e-5, 0.012, 0.3, 0.5, 0.9, 1 - 1e-6]) {
      expect(Math.abs(normalCdf(inverseNormalCdf(p)) / p - 1)).toBeLessThan(1e-6)
    }
    expect(() => inverseNormalCdf(0)).toThrow(RangeError)
  })
})
