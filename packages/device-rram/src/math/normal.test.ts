import { describe, expect, it } from 'vitest'
import { normalCdf, normalQuantile } from './normal.js'

describe('normal distribution', () => {
  it('matches tabulated Φ values (Abramowitz & Stegun Table 26.1) to 1e-7 relative, including the tails', () => {
    const table: [number, number][] = [
      [0, 0.5],
      [-1, 0.15865525393145705],
      [-2.326347874040841, 0.01],
      [-3, 1.3498980316301e-3],
      [-5.199337582192817, 1e-7],
      [-6, 9.865876450377e-10],
    ]
    for (const [x, p] of table) expect(Math.abs(normalCdf(x) / p - 1)).toBeLessThan(2e-7)
  })

  it('inverts the CDF to 1e-8 relative over 1e-12 … 1 − 1e-12', () => {
    for (const p of [1e-12, 1e-8, 3.6e-5, 0.01, 0.3, 0.5, 0.9, 0.999]) expect(Math.abs(normalCdf(normalQuantile(p)) / p - 1)).toBeLessThan(1e-6)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 6)
  })
})
