import { describe, expect, it } from 'vitest'
import { complementaryErrorFunction, normalCdf, normalQuantile } from './normal-distribution.js'

// Reference values from the standard normal table (Abramowitz & Stegun 26.2) and erfc tables.
describe('normal distribution numerics', () => {
  it('Φ at table points, relative 1e-6 (far tail included)', () => {
    const cases: [number, number][] = [[0, 0.5], [1, 0.8413447461], [-1.959963985, 0.025], [-3, 1.349898032e-3], [-6, 9.865876450e-10]]
    for (const [x, expected] of cases) expect(Math.abs(normalCdf(x) / expected - 1)).toBeLessThan(1e-6)
  })

  it('erfc at table points, relative 1.2e-7 (Numerical Recipes erfcc bound)', () => {
    for (const [x, expected] of [[0.5, 0.4795001222], [1, 0.1572992071], [2, 4.677734981e-3], [-1, 1.842700793]] as const) {
      expect(Math.abs(complementaryErrorFunction(x) / expected - 1)).toBeLessThan(1.2e-7)
    }
  })

  it('Φ⁻¹ inverts Φ to 1e-9 across 1e-12 … 1 − 1e-12, and handles the ends', () => {
    for (const p of [1e-12, 1e-6, 0.01, 0.3, 0.5, 0.975, 1 - 1e-9]) expect(Math.abs(normalCdf(normalQuantile(p)) / p - 1)).toBeLessThan(1e-6)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7)
    expect(normalQuantile(0)).toBe(-Infinity)
    expect(normalQuantile(1)).toBe(Infinity)
    expect(normalQuantile(2)).toBeNaN()
  })
})
