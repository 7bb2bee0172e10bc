/**
 * The decision thresholds and output levels of a B-bit converter, as fractions of its range.
 * Uniform: levels k/(2^B − 1) (both ends of the range are levels, so clipping is exact) and
 * thresholds halfway between. Nonuniform: the given references are the thresholds; code k reads
 * back as the midpoint of its decision interval, the end codes as the ends of the range.
 * @since 0.1.0
 */
export interface QuantizationLevels {
  readonly bits: number
  readonly uniform: boolean
  /** 2^B − 1 ascending thresholds in [0, 1]. */
  readonly thresholds: Float64Array
  /** 2^B ascending output levels in [0, 1]. */
  readonly levels: Float64Array
}

/**
 * Builds the thresholds and levels of a `bits`-bit converter.
 * @example quantizationLevels(1, [0.25]).levels // returns Float64Array [0, 1]
 * @since 0.1.0
 */
export function quantizationLevels(bits: number, references?: readonly number[]): QuantizationLevels {
  const count = 2 ** bits
  const thresholds = new Float64Array(count - 1)
  const levels = new Float64Array(count)
  if (references === undefined) {
    for (let code = 0; code < count; code++) levels[code] = code / (count - 1)
    for (let index = 0; index < count - 1; index++) thresholds[index] = (index + 0.5) / (count - 1)
    return { bits, uniform: true, thresholds, levels }
  }
  thresholds.set(references)
  levels[0] = 0
  levels[count - 1] = 1
  for (let code = 1; code < count - 1; code++) levels[code] = (thresholds[code - 1]! + thresholds[code]!) / 2
  return { bits, uniform: false, thresholds, levels }
}

/**
 * Code of a fraction of the range: the number of thresholds it exceeds (binary search; a value equal
 * to a threshold rounds up, like the uniform quantizer's `Math.round`).
 * @example codeOfFraction(quantizationLevels(2), 0.5) // returns 2
 * @since 0.1.0
 */
export function codeOfFraction(quantization: QuantizationLevels, fraction: number): number {
  const thresholds = quantization.thresholds
  let low = 0
  let high = thresholds.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (thresholds[middle]! <= fraction) low = middle + 1
    else high = middle
  }
  return low
}
