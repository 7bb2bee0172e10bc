import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { minimumCostAssignment } from './minimum-cost-assignment.js'

function permutations(n: number): number[][] {
  if (n === 1) return [[0]]
  return permutations(n - 1).flatMap((rest) => Array.from({ length: n }, (_, at) => [...rest.slice(0, at), n - 1, ...rest.slice(at)]))
}

describe('minimumCostAssignment', () => {
  it('finds the optimum of every random 6×6 problem (checked against all 720 permutations)', () => {
    const random = createRandomSource(9)
    const all = permutations(6)
    for (let trial = 0; trial < 20; trial++) {
      const cost = new Float64Array(36)
      random.fillUniform(cost, 0, 10)
      if (trial % 2 === 0) for (let index = 0; index < 36; index++) cost[index] = Math.round(cost[index]!) // ties
      const best = Math.min(...all.map((perm) => perm.reduce((sum, job, worker) => sum + cost[worker * 6 + job]!, 0)))
      const found = minimumCostAssignment(cost, 6)
      expect(new Set(found).size).toBe(6)
      expect(Array.from(found).reduce((sum, job, worker) => sum + cost[worker * 6 + job]!, 0)).toBeCloseTo(best, 9)
    }
  })
})
