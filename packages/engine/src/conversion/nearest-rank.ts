/**
 * The `rank`-th smallest value (0-based) of `values`, found by quickselect in O(n) expected time
 * instead of an O(n log n) sort; `values` is reordered in place. Calibration takes percentiles of
 * tens of millions of pre-conversion values, where sorting dominated a whole accuracy run.
 * NaN is not expected (values are converter inputs).
 * @example selectRank(Float32Array.of(5, 1, 4), 1) // returns 4
 * @since 0.2.0
 */
export function selectRank(values: Float32Array, rank: number): number {
  let low = 0
  let high = values.length - 1
  while (high > low) {
    // Median of three as pivot, so sorted or constant inputs stay linear.
    const middle = (low + high) >>> 1
    const pivot = medianOfThree(values[low]!, values[middle]!, values[high]!)
    // Hoare partition: [low, j] ≤ pivot ≤ [i, high].
    let i = low
    let j = high
    while (i <= j) {
      while (values[i]! < pivot) i++
      while (values[j]! > pivot) j--
      if (i <= j) {
        const swap = values[i]!
        values[i] = values[j]!
        values[j] = swap
        i++
        j--
      }
    }
    if (rank <= j) high = j
    else if (rank >= i) low = i
    else return values[rank]!
  }
  return values[rank]!
}

/** 0-based index of the nearest-rank `fraction` quantile among `count` values. @since 0.2.0 */
export function nearestRankIndex(count: number, fraction: number): number {
  // The 1e-9 keeps 1 − 0.99 = 0.01000…09 from moving up one rank.
  return Math.min(count - 1, Math.max(0, Math.ceil(fraction * count - 1e-9) - 1))
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a
  return a < c ? a : b < c ? c : b
}

/** Value below which `fraction` of |values| lie (nearest rank). @since 0.1.0 */
export function absolutePercentile(values: Float32Array, percent: number): number {
  if (values.length === 0) return 0
  if (percent >= 100) {
    let largest = 0
    for (const value of values) largest = Math.max(largest, Math.abs(value))
    return largest
  }
  const magnitudes = new Float32Array(values.length)
  for (let index = 0; index < values.length; index++) magnitudes[index] = Math.abs(values[index]!)
  return selectRank(magnitudes, nearestRankIndex(magnitudes.length, percent / 100))
}
