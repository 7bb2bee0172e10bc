import { InvalidArgumentError } from '@cimkit/core'
import type { DeviceModelV1, OutputConverterV1, RandomSource } from '@cimkit/core'

/** The two conductances a binary device is programmed to, siemens. @since 0.1.0 */
export interface BinaryLevels {
  /** High-resistance state (low conductance). */
  readonly hrsS: number
  /** Low-resistance state (high conductance). */
  readonly lrsS: number
}

/**
 * The binary states of a device: its two levels when it has exactly two, else the ends of its
 * conductance range.
 * @since 0.1.0
 */
export function binaryLevels(device: DeviceModelV1): BinaryLevels {
  const levels = device.levelsS
  if (levels !== null && levels.length === 2) return { hrsS: levels[0]!, lrsS: levels[1]! }
  return { hrsS: device.conductanceRangeS.minS, lrsS: device.conductanceRangeS.maxS }
}

/** The sense amplifier's full-scale range: values are normalised differential conductances in (−1, 1). */
const SENSE_RANGE = { min: -1, max: 1 } as const

/**
 * Reads `count` comparisons through a sense amplifier: `values[i]` is the normalised differential
 * conductance (G_a − G_b)/(G_a + G_b) of the two branches, times an input sign for an XNOR read. The
 * converter sees the range ±1 (peripherals' PCSA reads (value − centre)/half-range as that quantity),
 * so any `OutputConverterV1` can stand in: `out[i]` = +1 when its output is ≥ 0 (branch a wins),
 * else −1. A null converter is an ideal comparator. `columns` are the sense amplifiers side by side
 * (their static offsets repeat every `columns` values).
 * @since 0.1.0
 */
export function senseComparisons(values: Float32Array, columns: number, senseAmp: OutputConverterV1 | null, random: RandomSource, out: Int8Array): void {
  if (out.length < values.length) throw new InvalidArgumentError('out', `needs ${values.length} entries, has ${out.length}`)
  if (senseAmp === null) {
    for (let index = 0; index < values.length; index++) out[index] = values[index]! >= 0 ? 1 : -1
    return
  }
  const decided = new Float32Array(values.length)
  senseAmp.convert(values, columns, SENSE_RANGE, random, decided)
  for (let index = 0; index < values.length; index++) out[index] = decided[index]! >= 0 ? 1 : -1
}

/** Normalised differential conductance (G_a − G_b)/(G_a + G_b), guarded against two dead cells. */
export function normalisedDifference(conductanceA: number, conductanceB: number): number {
  const sum = conductanceA + conductanceB
  return sum > 0 ? (conductanceA - conductanceB) / sum : 0
}
