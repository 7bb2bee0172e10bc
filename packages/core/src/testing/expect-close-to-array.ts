import { expect } from 'vitest'

/** Tolerances for comparing numeric arrays: |actual − expected| ≤ atol + rtol·|expected|. @since 0.1.0 */
export interface Tolerance {
  readonly rtol?: number
  readonly atol?: number
}

/**
 * Asserts two numeric arrays are equal within a tolerance, reporting the worst element.
 * @since 0.1.0
 */
export function expectCloseToArray(actual: ArrayLike<number>, expected: ArrayLike<number>, { rtol = 0, atol = 0 }: Tolerance): void {
  expect(actual.length, 'array length').toBe(expected.length)
  let worstIndex = -1
  let worstExcess = 0
  for (let index = 0; index < expected.length; index++) {
    const allowed = atol + rtol * Math.abs(expected[index]!)
    const excess = Math.abs(actual[index]! - expected[index]!) - allowed
    if (!(excess <= worstExcess)) {
      worstExcess = Number.isNaN(excess) ? Infinity : excess
      worstIndex = index
    }
  }
  if (worstIndex >= 0) {
    expect.fail(`element ${worstIndex}: ${actual[worstIndex]} vs expected ${expected[worstIndex]} (rtol ${rtol}, atol ${atol})`)
  }
}
