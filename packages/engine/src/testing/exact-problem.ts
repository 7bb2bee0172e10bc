import type { RandomSource } from '@cimkit/core'

/** A random integer MVM problem whose exact product is known. @since 0.1.0 */
export interface IntegerProblem {
  readonly rows: number
  readonly columns: number
  readonly batch: number
  /** rows×columns integers in [−maxWeight, maxWeight], with one weight at ±maxWeight. */
  readonly weights: Float32Array
  /** batch×rows integers in [−maxInput, maxInput] (or [0, maxInput]), with one input at ±maxInput. */
  readonly inputs: Float32Array
  /** batch×columns exact products. */
  readonly expected: Float64Array
}

/**
 * Draws an integer problem: shape uniform in the given bounds, integers uniform in range, the
 * largest magnitude present once so the engine's full-scale maps exactly to the extreme codes.
 * @since 0.1.0
 */
export function integerProblem(
  random: RandomSource,
  bounds: { readonly maxRows: number; readonly maxColumns: number; readonly batch: number },
  maxWeight: number,
  maxInput: number,
  signedInputs: boolean,
  binaryWeights = false,
): IntegerProblem {
  const rows = 1 + Math.floor(random.nextUniform() * bounds.maxRows)
  const columns = 1 + Math.floor(random.nextUniform() * bounds.maxColumns)
  const { batch } = bounds
  const integer = (limit: number, signed: boolean): number => {
    const low = signed ? -limit : 0
    return low + Math.floor(random.nextUniform() * (limit - low + 1))
  }
  const weights = Float32Array.from({ length: rows * columns }, () => (binaryWeights ? (random.nextUniform() < 0.5 ? -1 : 1) : integer(maxWeight, true)))
  weights[Math.floor(random.nextUniform() * weights.length)] = random.nextUniform() < 0.5 ? -maxWeight : maxWeight
  const inputs = Float32Array.from({ length: batch * rows }, () => integer(maxInput, signedInputs))
  inputs[Math.floor(random.nextUniform() * inputs.length)] = signedInputs && random.nextUniform() < 0.5 ? -maxInput : maxInput
  const expected = new Float64Array(batch * columns)
  for (let vector = 0; vector < batch; vector++) {
    for (let row = 0; row < rows; row++) {
      const x = inputs[vector * rows + row]!
      for (let column = 0; column < columns; column++) expected[vector * columns + column]! += x * weights[row * columns + column]!
    }
  }
  return { rows, columns, batch, weights, inputs, expected }
}
