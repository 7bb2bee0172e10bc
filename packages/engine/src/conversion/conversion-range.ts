import type { ConversionRangeV1 } from '@cimkit/core'
import { absolutePercentile, nearestRankIndex, selectRank } from './nearest-rank.js'

/** What bounds one conversion stage's values (digit units × drive). @since 0.1.0 */
export interface StageBounds {
  /** Per-row interval of the stored quantity in digit units (after analog subtraction). */
  readonly digitMin: number
  readonly digitMax: number
  /** Interval of the drive (or the weighted sum of planes accumulated before conversion). */
  readonly driveMin: number
  readonly driveMax: number
  /** Rows whose currents add before conversion. */
  readonly rows: number
  /** For ISAAC's flipped columns: the largest sum of digits a stored column can have. */
  readonly columnDigitSumMax?: number
}

/**
 * Every value a stage can produce: each row contributes drive × digit within the product of the
 * two intervals; a flipped encoding caps the column's digit sum (non-negative drive only).
 * @example largestStageRange({ digitMin: 0, digitMax: 3, driveMin: 0, driveMax: 1, rows: 128 }) // returns { min: 0, max: 384 }
 * @since 0.1.0
 */
export function largestStageRange(bounds: StageBounds): ConversionRangeV1 {
  const { digitMin, digitMax, driveMin, driveMax, rows } = bounds
  const products = [digitMin * driveMin, digitMin * driveMax, digitMax * driveMin, digitMax * driveMax]
  let min = rows * Math.min(...products)
  let max = rows * Math.max(...products)
  if (bounds.columnDigitSumMax !== undefined && driveMin >= 0) {
    // digits ≥ digitMin ≥ 0 here; the cap applies to Σ digits, the offset part digitMin·rows stays.
    min = driveMin * rows * digitMin
    max = driveMax * Math.min(rows * digitMax, bounds.columnDigitSumMax)
  }
  return { min: min + 0, max: max + 0 }
}

/**
 * Aligns a range to a quantized converter: the step is the drive quantum `unit` times the
 * smallest power of two that lets 2^bits codes cover the range, and the range starts on a multiple
 * of the step. With bits ≥ survey Eq. 10 the step is one unit and every integer product is a code
 * (the full-precision guarantee); with fewer bits low-order bits are dropped, as in ISAAC/Newton.
 * Without a quantum (ideal drive) or resolution (ideal converter) the range is returned as is.
 * @example alignedRange({ min: 0, max: 384 }, 1, 9) // returns { min: 0, max: 511 }
 * @since 0.1.0
 */
export function alignedRange(range: ConversionRangeV1, unit: number, bits: number | null): ConversionRangeV1 {
  if (bits === null || !(unit > 0)) return range
  const codes = 2 ** bits - 1
  // NOTE: values within just under half a step beyond the end codes still round onto them, so a
  // range may overhang by that much (e.g. the tiny G_min·N offset of a high on/off-ratio device).
  const overhang = 0.49
  let exponent = Math.max(0, Math.ceil(Math.log2(Math.max(0, range.max - range.min - 2 * overhang * unit) / unit / codes)))
  for (;;) {
    const step = unit * 2 ** exponent
    const min = Math.floor(range.min / step + overhang) * step
    const max = min + codes * step
    if (max >= range.max - overhang * step) return { min, max }
    exponent++
  }
}

/**
 * A calibrated range from sample values: the `percentile` of |v| symmetric about zero, or the
 * (100 − p) and p percentiles. Nearest-rank percentiles.
 * @since 0.1.0
 */
export function percentileRange(samples: Float32Array, percentile: number, symmetric: boolean): ConversionRangeV1 {
  if (samples.length === 0) return { min: -1, max: 1 }
  const count = samples.length
  if (symmetric) {
    const bound = absolutePercentile(samples, percentile)
    return bound > 0 ? { min: -bound, max: bound } : { min: -1, max: 1 }
  }
  const values = samples.slice()
  const maxRank = nearestRankIndex(count, percentile / 100)
  const max = selectRank(values, maxRank)
  // After selection every value below maxRank is ≤ max: the lower rank is found among them.
  const min = selectRank(values.subarray(0, maxRank + 1), nearestRankIndex(count, 1 - percentile / 100))
  return max > min ? { min, max } : { min: min - 1, max: min + 1 }
}
