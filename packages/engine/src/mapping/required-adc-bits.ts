import { InvalidArgumentError } from '@cimkit/core'

/** Inputs of survey Eq. 10. @since 0.1.0 */
export interface RequiredAdcBitsInput {
  /** Input bits per conversion B_in (1 for bit-serial). */
  readonly inputBits: number
  /** Bits per weight slice B̃_w (bits per cell). */
  readonly cellBits: number
  /** Rows summed by one conversion N_r. */
  readonly rows: number
  /** ISAAC's flipped-column encoding, which saves one bit (ISAAC, Shafiee et al. ISCA 2016, §5). */
  readonly flippedEncoding?: boolean
}

/**
 * ADC resolution that keeps every sliced VMM exact (Xiao et al. 2020 survey, Eq. 10):
 * B_out = B_in + B̃_w + ⌈log2 N_r⌉, minus 1 if either operand is 1 bit, minus 1 more with ISAAC's
 * flipped encoding (a column whose all-ones dot product would set the MSB is stored inverted).
 * @example requiredAdcBits({ inputBits: 1, cellBits: 2, rows: 128 }) // returns 9
 * @example requiredAdcBits({ inputBits: 1, cellBits: 2, rows: 128, flippedEncoding: true }) // returns 8
 * @since 0.1.0
 */
export function requiredAdcBits({ inputBits, cellBits, rows, flippedEncoding = false }: RequiredAdcBitsInput): number {
  for (const [name, value] of [['inputBits', inputBits], ['cellBits', cellBits], ['rows', rows]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(name, `expected a positive integer, got ${value}`)
  }
  const oneBitOperand = inputBits === 1 || cellBits === 1
  return inputBits + cellBits + Math.ceil(Math.log2(rows)) - (oneBitOperand ? 1 : 0) - (flippedEncoding ? 1 : 0)
}

/**
 * The largest unsigned dot product the Eq. 10 resolution must hold, N_r·(2^B_in − 1)·(2^B̃_w − 1),
 * halved (rounded down) by the flipped encoding. Used to check Eq. 10 against the exact range.
 * @example largestDotProduct({ inputBits: 1, cellBits: 2, rows: 128 }) // returns 384
 * @since 0.1.0
 */
export function largestDotProduct({ inputBits, cellBits, rows, flippedEncoding = false }: RequiredAdcBitsInput): number {
  const largest = rows * (2 ** inputBits - 1) * (2 ** cellBits - 1)
  return flippedEncoding ? Math.floor(largest / 2) : largest
}
