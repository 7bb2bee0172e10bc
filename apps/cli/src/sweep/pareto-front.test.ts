import { describe, expect, it } from 'vitest'
import { paretoFront } from './pareto-front.js'

describe('paretoFront (both metrics maximised)', () => {
  it('keeps exactly the non-dominated points, sorted by x', () => {
    const points = [
      { point: 0, x: 1, y: 5 },
      { point: 1, x: 2, y: 4 },
      { point: 2, x: 2, y: 3 }, // dominated by 1
      { point: 3, x: 3, y: 1 },
      { point: 4, x: 0.5, y: 4.5 }, // dominated by 0
      { point: 5, x: Number.NaN, y: 9 }, // not comparable
    ]
    expect(paretoFront(points).map((p) => p.point)).toEqual([0, 1, 3])
  })
})
