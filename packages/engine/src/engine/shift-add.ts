/**
 * Shift-and-add of converted values into the output accumulator: output += factor · values, the
 * digital step after conversion when no offset is to be removed.
 * @since 0.2.0
 */
export function shiftAdd(values: Float32Array, batch: number, outputCount: number, output: Float64Array, columns: number, outputStart: number, factor: number): void {
  for (let vector = 0; vector < batch; vector++) {
    const outputBase = vector * columns + outputStart
    const valueBase = vector * outputCount
    for (let column = 0; column < outputCount; column++) output[outputBase + column]! += factor * values[valueBase + column]!
  }
}

