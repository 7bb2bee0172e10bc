import type { RandomSource } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'

/** Mean and sample standard deviation of per-trial results. @since 0.1.0 */
export interface TrialSummary {
  readonly mean: number
  /** Sample standard deviation (n − 1); 0 for one trial. */
  readonly std: number
  readonly perTrial: readonly number[]
}

/**
 * Runs `trials` Monte Carlo trials, trial t on the independent stream `random.stream('trial', t)`:
 * a trial's result depends only on the seed and t, never on how many trials run or in which
 * order, so trials can be split across workers.
 * @example monteCarlo(3, createRandomSource(1), (random) => random.nextUniform()) // three independent draws
 * @since 0.1.0
 */
export function monteCarlo<T>(trials: number, random: RandomSource, run: (random: RandomSource, trial: number) => T): T[] {
  if (!Number.isInteger(trials) || trials < 1) throw new InvalidArgumentError('trials', `expected a positive integer, got ${trials}`)
  return Array.from({ length: trials }, (_, trial) => run(random.stream('trial', trial), trial))
}

/** Summarizes per-trial values. @example summarizeTrials([1, 3]) // returns { mean: 2, std: ~1.414, perTrial: [1, 3] } @since 0.1.0 */
export function summarizeTrials(values: readonly number[]): TrialSummary {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const std = values.length > 1 ? Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1)) : 0
  return { mean, std, perTrial: [...values] }
}
