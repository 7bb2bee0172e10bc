import { fromFixed, saturate } from './fixed-point.js'
import type { MvmFunction } from './mvm-function.js'

/**
 * A programmed matrix that multiplies in real units, `outputs ≈ inputs · W` for a batch of row
 * vectors: the shape of the engine's `AnalogMatrix` (contracts.md), so its analog arrays (devices,
 * converters, reliability middleware) can stand in for PUMA's MVMUs. A Float64Array result keeps
 * products wider than float32's 24-bit mantissa exact.
 * @since 0.1.0
 */
export interface RealMatrix {
  mvm(inputs: Float32Array, batch: number): Float32Array | Float64Array
}

/**
 * Programs one MVMU's weights (`rows × columns`, row-major, real units) once per block; `blockId`
 * (`tile/core/mvmu`) lets the factory derive a random stream per array; `fractionBits` is the fixed
 * point's (one LSB is 2^−fractionBits in real units).
 * @since 0.1.0
 */
export type ProgramMatrix = (weights: Float32Array, rows: number, columns: number, blockId: string, fractionBits: number) => RealMatrix

/**
 * An MVM function backed by real-valued matrices: each MVMU block is programmed once (on first use)
 * through `program`, inputs are dequantized from the 16-bit fixed point, and outputs are quantized
 * back (rounded half up) with saturation, as the MVMU's shift-and-add would deliver them.
 * @example mvmFromMatrices((w, rows, columns, id) => programAnalogMatrix(w, rows, columns, { ...options, random: random.stream('mvmu', id) }))
 * @since 0.1.0
 */
export function mvmFromMatrices(program: ProgramMatrix): MvmFunction {
  const programmed = new Map<string, { readonly weights: Int16Array; readonly matrix: RealMatrix }>()
  return (block, input, output) => {
    const format = { bits: 16, fractionBits: block.fractionBits }
    let entry = programmed.get(block.id)
    if (entry === undefined || entry.weights !== block.weights) {
      const weights = new Float32Array(block.weights.length)
      for (let i = 0; i < weights.length; i++) weights[i] = fromFixed(block.weights[i] as number, format)
      entry = { weights: block.weights, matrix: program(weights, block.rows, block.columns, block.id, block.fractionBits) }
      programmed.set(block.id, entry)
    }
    const real = new Float32Array(block.rows)
    for (let i = 0; i < block.rows; i++) real[i] = fromFixed(input[i] as number, format)
    const result = entry.matrix.mvm(real, 1)
    // Rounded half up, as the MVMU's shift-and-add result is (`idealMvm`'s roundShift), then saturated.
    const scale = 2 ** block.fractionBits
    for (let j = 0; j < block.columns; j++) output[j] = saturate(Math.floor((result[j] as number) * scale + 0.5), format)
  }
}
