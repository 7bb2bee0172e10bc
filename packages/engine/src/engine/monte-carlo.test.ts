import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { monteCarlo, summarizeTrials } from './monte-carlo.js'

describe('Monte Carlo trials', () => {
  it('give each trial its own stream, reproducible and independent of the trial count', () => {
    const draw = (trials: number) => monteCarlo(trials, createRandomSource(7), (random) => random.nextUniform())
    const three = draw(3)
    expect(draw(5).slice(0, 3)).toEqual(three)
    expect(new Set(three).size).toBe(3)
  })

  it('summarize with the sample standard deviation', () => {
    const summary = summarizeTrials([1, 3])
    expect(summary.mean).toBe(2)
    expect(summary.std).toBeCloseTo(Math.SQRT2, 12)
    expect(summarizeTrials([4]).std).toBe(0)
  })
})
