/**
 * Writes the transpose of a rows×columns row-major matrix into `out` (columns×rows).
 * NOTE: the trainer transposes explicitly rather than asking GEMM for op(B) = Bᵀ, because a
 * transposed B makes the reference backend's inner loop stride through memory.
 * @since 0.1.0
 */
export function transpose(matrix: Float32Array, rows: number, columns: number, out = new Float32Array(rows * columns)): Float32Array {
  for (let row = 0; row < rows; row++) {
    const offset = row * columns
    for (let column = 0; column < columns; column++) out[column * rows + row] = matrix[offset + column]!
  }
  return out
}

/** Sums a batch×features matrix over the batch into `out` (adds). @since 0.1.0 */
export function addColumnSums(matrix: Float32Array, batch: number, features: number, out: Float32Array): void {
  for (let image = 0; image < batch; image++) {
    const offset = image * features
    for (let feature = 0; feature < features; feature++) out[feature]! += matrix[offset + feature]!
  }
}
