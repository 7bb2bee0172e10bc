import { InvalidArgumentError } from '@cimkit/core'
import type { ConversionRangeV1 } from '@cimkit/core'

/**
 * The value at quantile q ∈ [0, 1] of ascending data, by linear interpolation between order statistics.
 * @example quantileOfSorted(new Float64Array([0, 10]), 0.25) // returns 2.5
 * @since 0.1.0
 */
export function quantileOfSorted(sorted: Float32Array | Float64Array, q: number): number {
  const position = q * (sorted.length - 1)
  const lower = Math.floor(position)
  const upper = Math.min(lower + 1, sorted.length - 1)
  const fraction = position - lower
  return sorted[lower]! + fraction * (sorted[upper]! - sorted[lower]!)
}

/**
 * A converter range calibrated on sample outputs: from the (100 − p)-th to the p-th percentile, so
 * that outliers clip instead of stretching every step (CrossSim's calibrated ADC range; paper 003
 * §VI B: data-dependent range, calibrated offline per crossbar). NaNs are ignored.
 * @example calibrateRangeByPercentile(new Float32Array([0, 1, 2, 3, 100]), 75) // returns { min: 1, max: 3 }
 * @since 0.1.0
 */
export function calibrateRangeByPercentile(values: ArrayLike<number>, percentile: number): ConversionRangeV1 {
  if (!(percentile > 50 && percentile <= 100)) {
    throw new InvalidArgumentError('percentile', `must be in (50, 100], got ${percentile}`)
  }
  const finite: number[] = []
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!
    if (!Number.isNaN(value)) finite.push(value)
  }
  if (finite.length === 0) throw new InvalidArgumentError('values', 'needs at least one non-NaN value')
  const sorted = Float64Array.from(finite).sort()
  const min = quantileOfSorted(sorted, 1 - percentile / 100)
  const max = quantileOfSorted(sorted, percentile / 100)
  // NOTE: a constant signal still needs a non-empty range; widen symmetrically by one unit of its magnitude.
  if (max > min) return { min, max }
  const half = Math.max(Math.abs(min), 1) * 1e-6
  return { min: min - half, max: max + half }
}
