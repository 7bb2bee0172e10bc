import type { ConversionRangeV1 } from '@cimkit/core'

/** Column values of one slice read: value (vector, output) at `data[vector · stride + offset + output]`. @since 0.2.0 */
export interface SliceColumns {
  readonly data: Float32Array
  readonly stride: number
  readonly offset: number
}

/** One per-plane conversion stage of a slice, and the digital arithmetic after it. @since 0.2.0 */
export interface FusedStage {
  readonly columns: SliceColumns
  /** First row of the stage's plane in `columns` (plane · batch). */
  readonly firstVector: number
  readonly batch: number
  readonly outputCount: number
  /** Range of an ideal uniform converter of `bits` bits, or null for ideal (unquantized) readout. */
  readonly range: ConversionRangeV1 | null
  readonly bits: number
  /** Σ drive per vector of this plane. */
  readonly rowSums: Float64Array
  /**
   * True when the drive is non-negative and the column values are exact products (no read noise,
   * no wire network): a vector with Σ drive = 0 then reads exactly 0 on every column.
   */
  readonly idleVectors: boolean
  /** Digital weight of the plane × 2^(slice · bits per cell). */
  readonly factor: number
  /** With a digital offset: G_min offset per unit Σx, its rounding unit (0 = exact), the bias digit, maxDigit for flipped columns. */
  readonly digitalOffset: { readonly offsetDigits: number; readonly unit: number; readonly bias: number; readonly maxDigit: number; readonly flipped: Uint8Array | null } | null
  readonly output: Float64Array
  readonly outputColumns: number
  readonly outputStart: number
}

/**
 * Conversion, digital offset removal and shift-and-add of one stage in one pass, for a converter
 * that declares itself the ideal uniform quantizer (`OutputConverterV1.idealUniform`). The same
 * arithmetic as `convert` followed by the engine's digital steps, value by value: the code is
 * round-half-up of the same expression (floor(t + 0.5) by truncation of a non-negative t, as
 * the ADC's own ideal path), and the level is rounded to float32 as `convert` stores it, so
 * outputs are bit-identical to the unfused path while the values are read once, in place.
 * @since 0.2.0
 */
export function fusedConversionStage(stage: FusedStage): void {
  const { columns, firstVector, batch, outputCount, range, rowSums, factor, digitalOffset, output, outputColumns, outputStart } = stage
  const { data, stride, offset } = columns
  const min = range?.min ?? 0
  const span = range === null ? 1 : range.max - range.min
  const steps = 2 ** stage.bits - 1
  const flipped = digitalOffset?.flipped ?? null
  // The converted value of a zero column value: what a vector that drives no row reads.
  const zeroLevel = range === null ? 0 : quantizeIdeal(0, min, span, steps)
  for (let vector = 0; vector < batch; vector++) {
    const outputBase = vector * outputColumns + outputStart
    const rowSum = rowSums[vector]!
    let subtract = 0
    let flippedTerm = 0
    let biasTerm = 0
    if (digitalOffset !== null) {
      const offsetExact = digitalOffset.offsetDigits * rowSum
      subtract = digitalOffset.unit > 0 ? Math.round(offsetExact / digitalOffset.unit) * digitalOffset.unit : offsetExact
      flippedTerm = digitalOffset.maxDigit * rowSum
      biasTerm = digitalOffset.bias * rowSum
    }
    if (stage.idleVectors && rowSum === 0) {
      // NOTE: no row driven (Σ of a non-negative drive is 0): every column current is exactly 0, so
      // each column converts to `zeroLevel`; the loop below would compute the same, value by value.
      const value = zeroLevel - subtract
      const direct = factor * (value - biasTerm)
      const inverted = factor * (flippedTerm - value - biasTerm)
      if (flipped === null) for (let column = 0; column < outputCount; column++) output[outputBase + column]! += direct
      else for (let column = 0; column < outputCount; column++) output[outputBase + column]! += flipped[column] === 1 ? inverted : direct
      continue
    }
    const valueBase = (firstVector + vector) * stride + offset
    if (range === null) {
      for (let column = 0; column < outputCount; column++) {
        const value = data[valueBase + column]! - subtract
        output[outputBase + column]! += factor * ((flipped !== null && flipped[column] === 1 ? flippedTerm - value : value) - biasTerm)
      }
      continue
    }
    for (let column = 0; column < outputCount; column++) {
      const position = ((data[valueBase + column]! - min) / span) * steps + 0.5
      const code = position < 1 ? 0 : position >= steps ? steps : position | 0
      const value = Math.fround(min + (code / steps) * span) - subtract
      output[outputBase + column]! += factor * ((flipped !== null && flipped[column] === 1 ? flippedTerm - value : value) - biasTerm)
    }
  }
}

/** The ideal uniform quantizer of `OutputConverterV1.idealUniform`, for one value. */
function quantizeIdeal(value: number, min: number, span: number, steps: number): number {
  const position = ((value - min) / span) * steps + 0.5
  const code = position < 1 ? 0 : position >= steps ? steps : position | 0
  return Math.fround(min + (code / steps) * span)
}

/** The values of a slice read as a contiguous vectors × outputs array (a copy when strided). @since 0.2.0 */
export function contiguousColumns(columns: SliceColumns, vectors: number, outputCount: number): Float32Array {
  const { data, stride, offset } = columns
  if (stride === outputCount && offset === 0) return data.length === vectors * outputCount ? data : data.subarray(0, vectors * outputCount)
  const out = new Float32Array(vectors * outputCount)
  for (let vector = 0, to = 0; vector < vectors; vector++) {
    const from = vector * stride + offset
    for (let index = 0; index < outputCount; index++, to++) out[to] = data[from + index]!
  }
  return out
}
