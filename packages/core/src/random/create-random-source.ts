import { InvalidArgumentError } from '../errors/invalid-argument-error.js'
import type { RandomSource, RandomState } from './random-source.js'
import { splitMix64 } from './splitmix64.js'
import { Xoshiro128StarStar } from './xoshiro128.js'

/**
 * The root random source of a run, from its integer seed (0 ≤ seed < 2^53).
 * @example
 * const random = createRandomSource(1)
 * random.stream('trial', 0).nextUniform() // same value on every machine and in every worker
 * @since 0.1.0
 */
export function createRandomSource(seed: number): RandomSource {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidArgumentError('seed', `expected an integer in [0, 2^53), got ${seed}`)
  }
  // The root key is one SplitMix64 step from the seed, so seeds 0, 1, 2 give unrelated streams.
  return Xoshiro128StarStar.fromKey(splitMix64(BigInt(seed))[0])
}

/** Resumes a stream from `getState()` output. @since 0.1.0 */
export function createRandomSourceFromState(state: RandomState): RandomSource {
  if (state.algorithm !== 'xoshiro128**') {
    throw new InvalidArgumentError('state.algorithm', `unknown algorithm "${String(state.algorithm)}"`)
  }
  return Xoshiro128StarStar.fromState(state)
}
