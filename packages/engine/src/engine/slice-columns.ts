/** Column values of one slice read: value (vector, output) at `data[vector · stride + offset + output]`. @since 0.2.0 */
export interface SliceColumns {
  readonly data: Float32Array
  readonly stride: number
  readonly offset: number
}

/** The values of a slice read as a contiguous vectors × outputs array (a copy when strided). @since 0.2.0 */
export function contiguousColumns(columns: SliceColumns, vectors: number, outputCount: number): Float32Array {
  const { data, stride, offset } = columns
  if (stride === outputCount && offset === 0) return data.length === vectors * outputCount ? data : data.subarray(0, vectors * outputCount)
  const out = new Float32Array(vectors * outputCount)
  for (let vector = 0, to = 0; vector < vectors; vector++) {
    const from = vector * stride + offset
    for (let index = 0; index < outputCount; index++, to++) out[to] = data[from + index]!
  }
  return out
}
