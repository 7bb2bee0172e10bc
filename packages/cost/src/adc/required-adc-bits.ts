import { InvalidArgumentError } from '@cimkit/core'

/** Operand widths of one sliced MVM. @since 0.1.0 */
export interface SlicedMvmShape {
  /** Input bits applied per read cycle (1 for bit-serial inputs). */
  readonly inputBitsPerCycle: number
  /** Weight bits stored per cell. */
  readonly bitsPerCell: number
  /** Rows summed on one column. */
  readonly rows: number
  /**
   * ISAAC's flipped-weight encoding: a column whose sum could set the MSB stores 2^b − 1 − w
   * instead, which saves one bit (survey §VI B, ISAAC Ref. 68).
   */
  readonly flippedWeights?: boolean
}

/**
 * ADC resolution that keeps each sliced MVM exact (survey Eq. 10):
 * B_in + B_w + ⌈log₂ N_r⌉, minus 1 when either operand is 1 bit, minus 1 more with flipped weights.
 * @example requiredAdcBits({ inputBitsPerCycle: 1, bitsPerCell: 2, rows: 128, flippedWeights: true }) // returns 8 (ISAAC)
 * @since 0.1.0
 */
export function requiredAdcBits(shape: SlicedMvmShape): number {
  const { inputBitsPerCycle, bitsPerCell, rows } = shape
  if (!(Number.isInteger(inputBitsPerCycle) && inputBitsPerCycle >= 1 && Number.isInteger(bitsPerCell) && bitsPerCell >= 1 && Number.isInteger(rows) && rows >= 1)) {
    throw new InvalidArgumentError('shape', `needs integer input bits, cell bits and rows ≥ 1, got ${inputBitsPerCycle}, ${bitsPerCell}, ${rows}`)
  }
  const oneBitOperand = inputBitsPerCycle === 1 || bitsPerCell === 1 ? 1 : 0
  const flipped = shape.flippedWeights === true ? 1 : 0
  return inputBitsPerCycle + bitsPerCell + Math.ceil(Math.log2(rows)) - oneBitOperand - flipped
}
