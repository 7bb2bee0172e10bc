/**
 * Relative MVM error as CrossSim reports it: ‖Y − Y_exact‖_F / ‖Y_exact‖_F over the whole batch,
 * with Y_exact = x·W in float64 (anchor-crosssim.md §8.1, `rel_err`).
 * @example relativeError(Float32Array.of(1.1, 2), Float64Array.of(1, 2)) // returns ~0.0447
 * @since 0.1.0
 */
export function relativeError(actual: ArrayLike<number>, exact: ArrayLike<number>): number {
  let errorSquares = 0
  let exactSquares = 0
  for (let index = 0; index < exact.length; index++) {
    const difference = actual[index]! - exact[index]!
    errorSquares += difference * difference
    exactSquares += exact[index]! * exact[index]!
  }
  return exactSquares > 0 ? Math.sqrt(errorSquares / exactSquares) : Math.sqrt(errorSquares)
}

/**
 * x·W in float64 (batch×rows times rows×columns): the exact product errors are measured against.
 * @since 0.1.0
 */
export function exactProduct(inputs: Float32Array, weights: Float32Array, batch: number, rows: number, columns: number): Float64Array {
  const out = new Float64Array(batch * columns)
  for (let vector = 0; vector < batch; vector++) {
    for (let row = 0; row < rows; row++) {
      const x = inputs[vector * rows + row]!
      if (x === 0) continue
      const offset = row * columns
      const outOffset = vector * columns
      for (let column = 0; column < columns; column++) out[outOffset + column]! += x * weights[offset + column]!
    }
  }
  return out
}
