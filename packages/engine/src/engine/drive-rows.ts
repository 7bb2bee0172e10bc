/** Rows [start, start + count) of every vector (the rows one row block drives). @since 0.2.0 */
export function gatherRows(planes: Float32Array, vectors: number, rows: number, start: number, count: number): Float32Array {
  if (start === 0 && count === rows) return planes
  const out = new Float32Array(vectors * count)
  for (let vector = 0; vector < vectors; vector++) out.set(planes.subarray(vector * rows + start, vector * rows + start + count), vector * count)
  return out
}

/** Σ drive per vector. @since 0.2.0 */
export function sumRows(inputs: Float32Array, vectors: number, count: number): Float64Array {
  const sums = new Float64Array(vectors)
  for (let vector = 0; vector < vectors; vector++) {
    let sum = 0
    for (let row = 0; row < count; row++) sum += inputs[vector * count + row]!
    sums[vector] = sum
  }
  return sums
}

/** One array of all chunks, in order. @since 0.2.0 */
export function concatenate(chunks: readonly Float32Array[]): Float32Array {
  let length = 0
  for (const chunk of chunks) length += chunk.length
  const out = new Float32Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
