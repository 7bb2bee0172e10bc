import type { RandomSource } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { roundShift } from './fixed-point.js'
import type { MvmFunction, MvmuBlock } from './mvm-function.js'

/** Options of the bit-sliced MVMU model. @since 0.1.0 */
export interface BitSlicedMvmOptions {
  /** Bits per cell (weight slice width); 16/bitsPerCell slices. PUMA: 2 (survey Table III, 8 × 2-bit). */
  readonly bitsPerCell?: number
  /** ADC resolution; column sums above 2^bits − 1 clip. null = resolves every sum (ideal). */
  readonly adcBits?: number | null
  /** Gaussian noise added to each column sum before conversion, in ADC LSBs (needs `random`). */
  readonly noiseStdLsb?: number
  readonly random?: RandomSource
}

interface SlicedBlock {
  /** slices × rows × columns cell levels in [0, 2^bitsPerCell). */
  readonly levels: Uint8Array
  readonly slices: number
}

/**
 * PUMA's MVMU computed the way the hardware does (PUMA, ASPLOS 2019; ISAAC's scheme, survey §5 and
 * Eq. 9): each 16-bit weight is stored biased (w + 2^15, so every cell holds a non-negative level)
 * across 16/b slices of b-bit cells; the 16-bit two's-complement input is streamed one bit per read
 * (1-bit DACs); each read's column sums go through the ADC (clipping at `adcBits`, optional noise);
 * shift-and-add combines slices (×2^{b·k}) and input bits (×2^t, the sign bit ×−2^15); the bias is
 * removed digitally (−2^15·Σx). With an ADC that resolves rows·(2^b − 1) it equals `idealMvm`.
 * @since 0.1.0
 */
export function bitSlicedMvm(options: BitSlicedMvmOptions = {}): MvmFunction {
  const bitsPerCell = options.bitsPerCell ?? 2
  if (!(Number.isInteger(bitsPerCell) && bitsPerCell >= 1 && 16 % bitsPerCell === 0)) throw new InvalidArgumentError('bitsPerCell', `must divide 16, got ${bitsPerCell}`)
  const adcMax = options.adcBits === undefined || options.adcBits === null ? Number.POSITIVE_INFINITY : 2 ** options.adcBits - 1
  const noiseStd = options.noiseStdLsb ?? 0
  if (noiseStd > 0 && options.random === undefined) throw new InvalidArgumentError('random', 'noiseStdLsb needs a random source')
  const slices = 16 / bitsPerCell
  const cellMask = 2 ** bitsPerCell - 1
  const cache = new WeakMap<Int16Array, SlicedBlock>()
  const sliced = (block: MvmuBlock): SlicedBlock => {
    let entry = cache.get(block.weights)
    if (entry === undefined) {
      const cells = block.rows * block.columns
      const levels = new Uint8Array(slices * cells)
      for (let c = 0; c < cells; c++) {
        const biased = (block.weights[c] as number) + 32768
        for (let k = 0; k < slices; k++) levels[k * cells + c] = (biased >> (k * bitsPerCell)) & cellMask
      }
      entry = { levels, slices }
      cache.set(block.weights, entry)
    }
    return entry
  }
  return (block, input, output) => {
    const { rows, columns } = block
    const cells = rows * columns
    const { levels } = sliced(block)
    const accumulator = new Float64Array(columns)
    const columnSums = new Float64Array(slices * columns)
    let inputSum = 0
    for (let i = 0; i < rows; i++) inputSum += input[i] as number
    for (let bit = 0; bit < 16; bit++) {
      columnSums.fill(0)
      for (let i = 0; i < rows; i++) {
        if ((((input[i] as number) >> bit) & 1) === 0) continue
        for (let k = 0; k < slices; k++) {
          const base = k * cells + i * columns
          const sumBase = k * columns
          for (let j = 0; j < columns; j++) columnSums[sumBase + j] = (columnSums[sumBase + j] as number) + (levels[base + j] as number)
        }
      }
      const bitWeight = bit === 15 ? -(2 ** 15) : 2 ** bit
      for (let k = 0; k < slices; k++) {
        const sliceWeight = bitWeight * 2 ** (k * bitsPerCell)
        for (let j = 0; j < columns; j++) {
          let sum = columnSums[k * columns + j] as number
          if (noiseStd > 0) sum = Math.round(sum + noiseStd * (options.random as RandomSource).nextNormal())
          sum = sum < 0 ? 0 : sum > adcMax ? adcMax : sum
          accumulator[j] = (accumulator[j] as number) + sliceWeight * sum
        }
      }
    }
    const format = { bits: 16, fractionBits: block.fractionBits }
    for (let j = 0; j < columns; j++) output[j] = roundShift((accumulator[j] as number) - 32768 * inputSum, block.fractionBits, format)
  }
}
