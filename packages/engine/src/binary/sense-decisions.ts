import type { OutputConverterV1, RandomSource } from '@cimkit/core'

/** The comparator's input range: u ∈ (−1, 1), decided against 0. */
const RANGE = { min: -1, max: 1 } as const

/**
 * Decides `values` (differentials u, laid out `count × columns`, one sense amplifier per column) in
 * place: +1 where the converter reports the upper half of the range ("branch a wins", XNOR = 1),
 * −1 otherwise. A null converter is the ideal comparator (u ≥ 0 → +1, the PCSA's tie rule).
 * @since 0.1.0
 */
export function senseDecisions(values: Float32Array, columns: number, converter: OutputConverterV1 | null, random: RandomSource): void {
  if (converter === null) {
    for (let index = 0; index < values.length; index++) values[index] = values[index]! >= 0 ? 1 : -1
    return
  }
  converter.convert(values, columns, RANGE, random, values)
  for (let index = 0; index < values.length; index++) values[index] = values[index]! > 0 ? 1 : -1
}
