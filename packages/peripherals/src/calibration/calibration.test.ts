import { describe, expect, it } from 'vitest'
import { calibrateRangeByPercentile } from './percentile-range.js'
import { referencesFromQuantiles } from './quantile-references.js'

describe('range calibration', () => {
  it('takes the (100 − p)-th and p-th percentiles, interpolating between order statistics', () => {
    expect(calibrateRangeByPercentile(new Float32Array([0, 1, 2, 3, 100]), 75)).toEqual({ min: 1, max: 3 })
    expect(calibrateRangeByPercentile([5, 1, 3, 2, 4], 100)).toEqual({ min: 1, max: 5 })
    const range = calibrateRangeByPercentile(Float32Array.from({ length: 101 }, (_, index) => index), 99)
    expect(range.min).toBeCloseTo(1, 12)
    expect(range.max).toBeCloseTo(99, 12)
  })

  it('ignores NaN, widens a constant signal and rejects bad percentiles', () => {
    expect(calibrateRangeByPercentile([Number.NaN, 2, 4], 100)).toEqual({ min: 2, max: 4 })
    const constant = calibrateRangeByPercentile([3, 3, 3], 99)
    expect(constant.max).toBeGreaterThan(constant.min)
    expect(() => calibrateRangeByPercentile([1, 2], 40)).toThrow()
    expect(() => calibrateRangeByPercentile([Number.NaN], 99)).toThrow()
  })
})

describe('quantile references (paper 002, nonlinear flash references)', () => {
  it('places 2^B − 1 ascending references at the data quantiles, between discrete values', () => {
    const samples = Float32Array.from({ length: 1000 }, (_, index) => (index % 10) * 2 - 9) // odd values −9…9
    const references = referencesFromQuantiles(samples, 2, { min: -10, max: 10 })
    expect(references).toHaveLength(3)
    const values = references.map((fraction) => -10 + fraction * 20)
    expect(values).toEqual([-4, 0, 6].map((value) => expect.closeTo(value, 9)))
    for (let index = 1; index < references.length; index++) expect(references[index]!).toBeGreaterThan(references[index - 1]!)
  })

  it('concentrates references where data are dense', () => {
    const samples = Float32Array.from({ length: 10001 }, (_, index) => Math.sign(index - 5000) * ((index - 5000) / 5000) ** 2)
    const references = referencesFromQuantiles(samples, 3, { min: -1, max: 1 })
    const inner = references[4]! - references[3]!
    const outer = references[6]! - references[5]!
    expect(outer).toBeGreaterThan(2 * inner)
    expect(() => referencesFromQuantiles([], 3, { min: 0, max: 1 })).toThrow()
  })
})
