import { InvalidArgumentError } from '@cimkit/core'

/** Cell levels of a crossbar after ISAAC's flipped-weight encoding. @since 0.1.0 */
export interface FlippedColumns {
  /** Stored levels, rows × columns row-major, in [0, 2^bitsPerCell − 1]. */
  readonly levels: Uint8Array
  /** 1 where a column is stored flipped (w̃ = 2^b − 1 − w). */
  readonly flipped: Uint8Array
}

/**
 * ISAAC's flipped-weight encoding (survey §6.4 item 3, ISAAC Ref. 68): a column whose dot product
 * with the largest input (every input bit 1) would reach half of the full-scale sum stores
 * w̃ = 2^b − 1 − w instead, decided statically. Every stored column then sums below
 * rows · (2^b − 1) / 2, one bit less than Eq. 10 asks for (8 instead of 9 for 128 rows of 2-bit
 * cells with 1-bit inputs).
 * @since 0.1.0
 */
export function flipColumns(levels: Uint8Array, rows: number, columns: number, bitsPerCell: number): FlippedColumns {
  if (levels.length !== rows * columns) throw new InvalidArgumentError('levels', `expected ${rows * columns} levels, got ${levels.length}`)
  const top = 2 ** bitsPerCell - 1
  const stored = new Uint8Array(levels)
  const flipped = new Uint8Array(columns)
  for (let column = 0; column < columns; column++) {
    let sum = 0
    for (let row = 0; row < rows; row++) sum += levels[row * columns + column]!
    if (2 * sum > rows * top) {
      flipped[column] = 1
      for (let row = 0; row < rows; row++) stored[row * columns + column] = top - levels[row * columns + column]!
    }
  }
  return { levels: stored, flipped }
}

/**
 * Recovers Σ x_i·w_i from a flipped column's converted sum: (2^b − 1)·Σ x_i − Σ x_i·w̃_i. Σ x_i is
 * one popcount of the input plane, shared by every column (the digital decode ISAAC pays for).
 * @example decodeFlippedSum(5, 4, 2, true) // returns 7 = 3 · 4 − 5
 * @since 0.1.0
 */
export function decodeFlippedSum(storedSum: number, inputSum: number, bitsPerCell: number, flipped: boolean): number {
  return flipped ? (2 ** bitsPerCell - 1) * inputSum - storedSum : storedSum
}
