/**
 * PUMA's number format: 16-bit two's-complement fixed point with 12 fraction bits (4 integer bits
 * including sign), the default of the PUMA simulator (`include/config.py`: num_bits 16, int_bits 4,
 * frac_bits 12). Every datapath value (registers, shared memory, MVMU inputs and outputs) is an
 * integer in [−32768, 32767] read as `value / 2^12`.
 * @since 0.1.0
 */
export interface FixedPointFormat {
  /** Total bits including sign. */
  readonly bits: number
  /** Fraction bits. */
  readonly fractionBits: number
}

/** PUMA's Q4.12 format. @since 0.1.0 */
export const PUMA_FIXED_POINT: FixedPointFormat = { bits: 16, fractionBits: 12 }

/** Largest representable raw value. @since 0.1.0 */
export function fixedMax(format: FixedPointFormat): number {
  return 2 ** (format.bits - 1) - 1
}

/** Smallest representable raw value. @since 0.1.0 */
export function fixedMin(format: FixedPointFormat): number {
  return -(2 ** (format.bits - 1))
}

/** Clamps a raw integer into the format's range (saturating arithmetic). @since 0.1.0 */
export function saturate(value: number, format: FixedPointFormat): number {
  const max = fixedMax(format)
  const min = fixedMin(format)
  return value > max ? max : value < min ? min : value
}

/**
 * Real number → raw fixed-point integer, rounding half away from zero and saturating.
 * @example toFixed(0.5, PUMA_FIXED_POINT) // returns 2048
 * @since 0.1.0
 */
export function toFixed(value: number, format: FixedPointFormat): number {
  const scaled = value * 2 ** format.fractionBits
  const rounded = scaled >= 0 ? Math.floor(scaled + 0.5) : -Math.floor(-scaled + 0.5)
  return saturate(rounded, format)
}

/** Raw fixed-point integer → real number. @since 0.1.0 */
export function fromFixed(raw: number, format: FixedPointFormat): number {
  return raw / 2 ** format.fractionBits
}

/**
 * Divides an exact integer accumulator by 2^shift, rounding half up (an add of 2^(shift−1) before
 * an arithmetic shift, as shift-and-add hardware does), then saturates. Safe for |value| < 2^53.
 * @since 0.1.0
 */
export function roundShift(value: number, shift: number, format: FixedPointFormat): number {
  if (shift === 0) return saturate(value, format)
  const scale = 2 ** shift
  return saturate(Math.floor((value + scale / 2) / scale), format)
}

/** Quantizes a Float32Array into raw fixed-point values. @since 0.1.0 */
export function quantizeArray(values: Float32Array, format: FixedPointFormat): Int16Array {
  const out = new Int16Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = toFixed(values[i] as number, format)
  return out
}

/** Raw fixed-point values → Float32Array of reals. @since 0.1.0 */
export function dequantizeArray(values: Int16Array, format: FixedPointFormat): Float32Array {
  const out = new Float32Array(values.length)
  const scale = 2 ** -format.fractionBits
  for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) * scale
  return out
}
