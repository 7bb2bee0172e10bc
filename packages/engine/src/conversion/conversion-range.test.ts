import { describe, expect, it } from 'vitest'
import { alignedRange, largestStageRange, percentileRange } from './conversion-range.js'

describe('converter ranges', () => {
  it('ISAAC: 1-bit inputs on 128 rows of 2-bit cells span [0, 384]; the flip caps the column sum at 192', () => {
    const bounds = { digitMin: 0, digitMax: 3, driveMin: 0, driveMax: 1, rows: 128 }
    expect(largestStageRange(bounds)).toEqual({ min: 0, max: 384 })
    expect(largestStageRange({ ...bounds, columnDigitSumMax: 192 })).toEqual({ min: 0, max: 192 })
  })

  it('aligns to the product LSB when the bits suffice and drops low bits when they do not', () => {
    expect(alignedRange({ min: 0, max: 384 }, 1, 9)).toEqual({ min: 0, max: 511 })
    expect(alignedRange({ min: 0, max: 384 }, 1, 8)).toEqual({ min: 0, max: 510 })
    expect(alignedRange({ min: 0, max: 192 }, 1, 8)).toEqual({ min: 0, max: 255 })
    expect(alignedRange({ min: -381, max: 381 }, 1, 10)).toEqual({ min: -381, max: 642 })
    // Signed DAC drive (unit 1/127): codes stay on multiples of the unit.
    const signed = alignedRange({ min: -2, max: 2 }, 1 / 127, 10)
    expect(signed.min * 127).toBeCloseTo(-254, 9)
  })

  it('tolerates an overhang below half a step (a tiny G_min offset) and a span below one unit', () => {
    expect(alignedRange({ min: 0, max: 7 + 1e-6 }, 1, 3)).toEqual({ min: 0, max: 7 })
    expect(alignedRange({ min: 0, max: 0.2 }, 1, 3)).toEqual({ min: 0, max: 7 })
    expect(alignedRange({ min: -3, max: 5 }, 0, 3)).toEqual({ min: -3, max: 5 })
    expect(alignedRange({ min: -3, max: 5 }, 1, null)).toEqual({ min: -3, max: 5 })
  })

  it('calibrates symmetric or two-sided percentile ranges', () => {
    const samples = Float32Array.from({ length: 1000 }, (_, index) => index - 200)
    expect(percentileRange(samples, 99, true)).toEqual({ min: -789, max: 789 })
    expect(percentileRange(samples, 99, false)).toEqual({ min: -191, max: 789 })
  })
})
