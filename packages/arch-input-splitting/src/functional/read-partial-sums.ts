import type { OutputConverterV1, RandomSource } from '@cimkit/core'

/**
 * Reads group bit counts (batch × groups × outputs) in place as the hardware would: each group's
 * columns through `converter` with the symmetric range ±(group size) (one macro per group; the
 * converter's static mismatch comes from `random.stream('macro', g)`, so a macro keeps its offsets),
 * after subtracting `columnThresholds` (groups × outputs; per-column references) when given.
 * `converter` null = ideal readout (values kept, thresholds still subtracted).
 * @since 0.1.0
 */
export function readPartialSums(
  sums: Float32Array,
  batch: number,
  boundaries: Int32Array,
  outputs: number,
  converter: OutputConverterV1 | null,
  random: RandomSource,
  columnThresholds: Float32Array | null = null,
): void {
  const groups = boundaries.length - 1
  const block = new Float32Array(batch * outputs)
  for (let g = 0; g < groups; g++) {
    const size = boundaries[g + 1]! - boundaries[g]!
    for (let b = 0; b < batch; b++) {
      const base = (b * groups + g) * outputs
      for (let j = 0; j < outputs; j++) block[b * outputs + j] = sums[base + j]! - (columnThresholds === null ? 0 : columnThresholds[g * outputs + j]!)
    }
    if (converter !== null) converter.convert(block, outputs, { min: -size, max: size }, random.stream('macro', g), block)
    for (let b = 0; b < batch; b++) {
      const base = (b * groups + g) * outputs
      for (let j = 0; j < outputs; j++) sums[base + j] = block[b * outputs + j]!
    }
  }
}
