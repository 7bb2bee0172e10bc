import type { EncodedInputV1, UniformLevelsV1 } from '@cimkit/core'

/** Allocates an `EncodedInputV1` with `cycles` planes of `length` values. @since 0.1.0 */
export function allocatePlanes(cycles: number, length: number, planeWeights: readonly number[]): EncodedInputV1 {
  return { planes: new Float32Array(cycles * length), cycles, planeWeights: Float64Array.from(planeWeights) }
}

/**
 * Integer code of a normalised input on a grid of `scale` codes per unit, clamped to [low, high].
 * `Math.round` breaks ties upward, so the result is deterministic.
 * @example codeOf(0.5, 3, 0, 3) // returns 2
 * @since 0.1.0
 */
export function codeOf(value: number, scale: number, low: number, high: number): number {
  // NOTE: adding 0 turns Math.round's −0 into +0, so a zero input drives a plain zero.
  const code = Math.round(value * scale) + 0
  return code < low ? low : code > high ? high : code
}

/**
 * The uniform levels of a `bits`-bit driver whose codes are `codeOf(v, scale, ±maxCode)` / maxCode
 * (the `dac`, and `pwm` without edge loss): signed inputs ±1 map to ±(2^B − 1)/2 codes clipped to
 * ±(2^(B−1) − 1), unsigned ones to 0 … 2^B − 1; ties up.
 * @since 0.2.0
 */
export function uniformDacLevels(bits: number, signed: boolean): UniformLevelsV1 {
  const maxCode = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1
  const scale = signed ? (2 ** bits - 1) / 2 : maxCode
  return { low: signed ? -1 : 0, scale, minCode: signed ? -maxCode : 0, maxCode, divisor: maxCode, rounding: 'half-up', planeWeight: maxCode / scale }
}
