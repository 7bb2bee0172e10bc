import { InvalidArgumentError } from '@cimkit/core'

/**
 * Global drift compensation factor α = mean|y₀| / mean|y_t| (aihwkit `GlobalDriftCompensation`,
 * anchor-aihwkit.md §6.5): `baseline` is a read-out taken right after programming, `drifted` the same
 * read-out at inference time (e.g. the array's outputs for one-hot inputs, or the cells' conductances
 * from `conductanceAtTime` at 0 and t). Multiply the digital outputs by α. aihwkit clamps the mean at
 * 1e-4 of its normalised units; in siemens the floor is 1e-4 of the baseline, so zeros do not divide by zero.
 * @example globalDriftCompensationScale(Float32Array.of(2, 4), Float32Array.of(1, 2)) // returns 2
 * @since 0.1.0
 */
export function globalDriftCompensationScale(baseline: ArrayLike<number>, drifted: ArrayLike<number>): number {
  if (baseline.length === 0 || baseline.length !== drifted.length) {
    throw new InvalidArgumentError('drifted', `needs as many non-zero read-outs as the baseline (${baseline.length}), got ${drifted.length}`)
  }
  let baselineSum = 0
  let driftedSum = 0
  for (let index = 0; index < baseline.length; index++) {
    baselineSum += Math.abs(baseline[index]!)
    driftedSum += Math.abs(drifted[index]!)
  }
  return baselineSum / Math.max(driftedSum, baselineSum * 1e-4, Number.MIN_VALUE)
}
