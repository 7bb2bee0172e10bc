import { InvalidArgumentError } from '@cimkit/core'
import type { ConversionRangeV1 } from '@cimkit/core'

/**
 * Nonuniform converter references placed at the k/2^B quantiles of sample data, as fractions of
 * `range` — references concentrated where partial sums are dense (paper 002, after Sun et al.,
 * DATE 2018). With discrete data (bit counts) a reference falls midway between the sample at its
 * quantile and the next distinct value, never on a value. Duplicates are nudged apart so the list
 * stays strictly ascending.
 * @example referencesFromQuantiles(new Float32Array([-3, -1, 1, 3]), 1, { min: -4, max: 4 }) // returns [0.5]
 * @since 0.1.0
 */
export function referencesFromQuantiles(samples: ArrayLike<number>, bits: number, range: ConversionRangeV1): number[] {
  if (!(Number.isInteger(bits) && bits >= 1 && bits <= 12)) throw new InvalidArgumentError('bits', `must be an integer in [1, 12], got ${bits}`)
  if (!(range.max > range.min)) throw new InvalidArgumentError('range', `max must exceed min, got [${range.min}, ${range.max}]`)
  if (samples.length === 0) throw new InvalidArgumentError('samples', 'needs at least one value')
  const sorted = Float64Array.from(samples as ArrayLike<number>).sort()
  const count = 2 ** bits - 1
  const span = range.max - range.min
  const references: number[] = []
  for (let k = 1; k <= count; k++) {
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((k / (count + 1)) * sorted.length) - 1))
    const value = sorted[index]!
    let next = value
    for (let search = index + 1; search < sorted.length; search++) {
      if (sorted[search]! > value) {
        next = sorted[search]!
        break
      }
    }
    const threshold = next > value ? (value + next) / 2 : value + span * 1e-6
    const fraction = Math.min(1, Math.max(0, (threshold - range.min) / span))
    const previous = references.at(-1)
    references.push(previous !== undefined && fraction <= previous ? Math.min(1, previous + 1e-6) : fraction)
  }
  return references
}
