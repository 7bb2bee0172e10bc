import { describe, expect, it } from 'vitest'
import { ENGINE_BENCHMARK_CASE_IDS } from './benchmark-cases.js'
import { crossSimReference } from './crosssim-reference.js'

describe('CrossSim reference figures (TARGETS.md §3)', () => {
  it('name only benchmark cases cimkit runs, at N = 256 or 1024, with a goal of 2×, 3×, 20× or 100×', () => {
    for (const [key, reference] of Object.entries(crossSimReference)) {
      const [id, n] = key.split('@')
      expect(ENGINE_BENCHMARK_CASE_IDS, key).toContain(id)
      expect(['256', '1024'], key).toContain(n)
      expect([2, 3, 20, 100], key).toContain(reference.goal)
    }
    expect(Object.keys(crossSimReference)).toHaveLength(7)
  })
})
