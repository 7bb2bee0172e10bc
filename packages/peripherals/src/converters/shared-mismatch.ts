import type { RandomSource } from '@cimkit/core'

/**
 * Fills `out` (laid out `columns × perColumn`) with static N(0, std²) draws, one set per converter
 * instance: columns c and c' share a set when ⌊c / columnsPerConverter⌋ is the same (a column mux
 * feeds them to the same circuit).
 * @example drawSharedMismatch(random, new Float32Array(4), 2, 1, 1) // columns 0–1 and 2–3 share values
 * @since 0.1.0
 */
export function drawSharedMismatch(random: RandomSource, out: Float32Array, columnsPerConverter: number, perColumn: number, std: number): void {
  const columns = out.length / perColumn
  const instances = Math.ceil(columns / columnsPerConverter)
  const draws = new Float32Array(instances * perColumn)
  random.fillNormal(draws, 0, std)
  for (let column = 0; column < columns; column++) {
    const instance = Math.floor(column / columnsPerConverter)
    for (let index = 0; index < perColumn; index++) out[column * perColumn + index] = draws[instance * perColumn + index]!
  }
}
