import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { nearestRankIndex, selectRank } from './nearest-rank.js'

describe('nearest-rank selection', () => {
  it('equals the sorted array at every rank, for random, sorted, reversed and repeated inputs', () => {
    const random = createRandomSource(7)
    const random100 = new Float32Array(101)
    random.fillNormal(random100)
    const cases = [
      random100,
      Float32Array.from({ length: 64 }, (_, index) => index),
      Float32Array.from({ length: 64 }, (_, index) => 64 - index),
      Float32Array.from({ length: 50 }, (_, index) => index % 3),
      new Float32Array(9).fill(2.5),
      Float32Array.of(1),
    ]
    for (const values of cases) {
      const sorted = values.slice().sort()
      for (let rank = 0; rank < values.length; rank++) expect(selectRank(values.slice(), rank)).toBe(sorted[rank])
    }
  })

  it('nearest-rank index: ceil(p·n) − 1, clamped, robust to 1 − 0.99 rounding', () => {
    expect(nearestRankIndex(1000, 0.99)).toBe(989)
    expect(nearestRankIndex(1000, 1 - 0.99)).toBe(9)
    expect(nearestRankIndex(10, 0)).toBe(0)
    expect(nearestRankIndex(10, 1)).toBe(9)
  })
})
