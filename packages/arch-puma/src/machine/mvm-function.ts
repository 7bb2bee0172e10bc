import { roundShift } from './fixed-point.js'

/**
 * The weights one MVMU holds, as the simulator hands them to an MVM function. `id` is stable for the
 * run (`tile/core/mvmu`), so an implementation backed by programmed analog arrays can cache them.
 * @since 0.1.0
 */
export interface MvmuBlock {
  readonly id: string
  readonly rows: number
  readonly columns: number
  /** `rows × columns` raw fixed-point words, row-major (row = input). */
  readonly weights: Int16Array
  /** Fraction bits of the fixed-point format (inputs, weights and outputs share it). */
  readonly fractionBits: number
}

/**
 * Computes one MVMU product: `output[j] ≈ Σ_i input[i]·weights[i][j]` in raw fixed point (the
 * product of two Q·f words rescaled by 2^−f, saturated to 16 bits). The default is `idealMvm`; plug
 * in `bitSlicedMvm` with a finite ADC or noise, or an adapter over the engine's analog arrays.
 * @since 0.1.0
 */
export type MvmFunction = (block: MvmuBlock, input: Int16Array, output: Int16Array) => void

/**
 * Exact MVMU arithmetic: the integer dot product of 16-bit inputs and weights (exact in float64,
 * |sum| < 2^38 for 128 rows), rounded half up by 2^−f and saturated. It equals PUMA's bit-sliced
 * computation (8 slices of 2-bit cells, bit-serial inputs, shift-and-add) whenever the ADC resolves
 * every column sum, which `bitSlicedMvm` checks in tests.
 * @since 0.1.0
 */
export function idealMvm(): MvmFunction {
  return (block, input, output) => {
    const { rows, columns, weights } = block
    const format = { bits: 16, fractionBits: block.fractionBits }
    const accumulator = new Float64Array(columns)
    for (let i = 0; i < rows; i++) {
      const x = input[i] as number
      if (x === 0) continue
      const base = i * columns
      for (let j = 0; j < columns; j++) accumulator[j] = (accumulator[j] as number) + x * (weights[base + j] as number)
    }
    for (let j = 0; j < columns; j++) output[j] = roundShift(accumulator[j] as number, block.fractionBits, format)
  }
}
