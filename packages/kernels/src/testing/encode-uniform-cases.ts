import type { EncodeUniformParamsV1, RandomSource, UniformLevelsV1 } from '@cimkit/core'

/** One `encodeUniform` case: its parameters, built fresh. @since 0.2.0 */
export interface EncodeUniformCase {
  readonly label: string
  readonly create: (random: RandomSource) => EncodeUniformParamsV1
}

/** Inputs over and past the range, exact ties of the grid, signed zeros, NaN, infinities, tiny values. */
function edgeInputs(random: RandomSource, count: number, levels: UniformLevelsV1, inputScale: number): Float32Array {
  const inputs = new Float32Array(count)
  random.fillNormal(inputs)
  for (let index = 0; index < count; index++) inputs[index] = inputs[index]! * 0.8 * inputScale
  const specials = [0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-30, -1e-30, inputScale, -inputScale, 2 * inputScale, -2 * inputScale]
  for (let index = 0; index < count; index += 13) inputs[index] = specials[(index / 13) % specials.length]!
  // Exact ties of the grid: (k + 0.5) / scale, scaled back to input units.
  for (let index = 5; index < count; index += 11) inputs[index] = ((Math.floor(random.nextUniform() * 2 * levels.scale) - levels.scale + 0.5) / levels.scale) * inputScale
  return inputs
}

function build(random: RandomSource, levels: UniformLevelsV1, inputScale: number, count = 4099): EncodeUniformParamsV1 {
  return { inputs: edgeInputs(random, count, levels, inputScale), inputScale, levels, planes: new Float32Array(count + 3).fill(12345) }
}

const signedHalfAway = (bits: number): UniformLevelsV1 => {
  const level = 2 ** (bits - 1) - 1
  return { low: -1, scale: level, minCode: -level, maxCode: level, divisor: level, rounding: 'half-away-from-zero', planeWeight: 1 }
}
const unsignedHalfAway = (bits: number): UniformLevelsV1 => {
  const level = 2 ** bits - 1
  return { low: 0, scale: level, minCode: 0, maxCode: level, divisor: level, rounding: 'half-away-from-zero', planeWeight: 1 }
}
// A DAC whose input ±1 maps to ±(2^B − 1)/2 codes, clipped to ±(2^(B−1) − 1), ties up (peripherals' `dac`).
const signedHalfUp = (bits: number): UniformLevelsV1 => {
  const maxCode = 2 ** (bits - 1) - 1
  const scale = (2 ** bits - 1) / 2
  return { low: -1, scale, minCode: -maxCode, maxCode, divisor: maxCode, rounding: 'half-up', planeWeight: maxCode / scale }
}
const unsignedHalfUp = (bits: number): UniformLevelsV1 => {
  const maxCode = 2 ** bits - 1
  return { low: 0, scale: maxCode, minCode: 0, maxCode, divisor: maxCode, rounding: 'half-up', planeWeight: 1 }
}

/** Cases of the backend suite: both roundings, signed and unsigned grids, 1 to 16 bits. @since 0.2.0 */
export const encodeUniformCases: readonly EncodeUniformCase[] = [
  { label: '8-bit signed, half away from zero, input scale 0.37', create: (random) => build(random, signedHalfAway(8), 0.37) },
  { label: '8-bit unsigned, half away from zero, input scale 1', create: (random) => build(random, unsignedHalfAway(8), 1) },
  { label: '8-bit signed, half up (codes ±127 of ±127.5), input scale 2.5', create: (random) => build(random, signedHalfUp(8), 2.5) },
  { label: '4-bit unsigned, half up, input scale 0.001', create: (random) => build(random, unsignedHalfUp(4), 0.001) },
  { label: '2-bit signed, half away from zero, input scale 3', create: (random) => build(random, signedHalfAway(2), 3) },
  { label: '1-bit unsigned, half up', create: (random) => build(random, unsignedHalfUp(1), 1) },
  { label: '16-bit signed, half away from zero, 65 536 values', create: (random) => build(random, signedHalfAway(16), 0.9, 65536) },
]
