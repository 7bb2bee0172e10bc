import type { ConvertAccumulateParamsV1, RandomSource } from '@cimkit/core'

/** One `convertAccumulate` case: its parameters, built fresh (the output is accumulated into). @since 0.2.0 */
export interface ConvertAccumulateCase {
  readonly label: string
  readonly create: (random: RandomSource) => ConvertAccumulateParamsV1
}

function randomColumnValues(random: RandomSource, length: number, low: number, high: number): Float32Array {
  const values = new Float32Array(length)
  random.fillUniform(values, low, high)
  // Exact half-steps and range ends: the rounding and clipping edges.
  for (let index = 0; index < length; index += 7) values[index] = Math.round(values[index]!) + (index % 2 === 0 ? 0.5 : 0)
  return values
}

function build(random: RandomSource, shape: { batch: number; planes: number; outputCount: number; stride: number; offset: number; steps: number; digital: boolean; flipped: boolean; idle: boolean; signedRange: boolean; unitSteps?: boolean }): ConvertAccumulateParamsV1 {
  const { batch, planes, outputCount, stride, offset, steps } = shape
  const outputColumns = outputCount + 3
  const values = randomColumnValues(random, planes * batch * stride, -5, 70)
  if (shape.unitSteps === true) {
    // One level per unit from 0: x.5 values are exact ties of the quantizer; NaN, ±∞ and −0 at the edges.
    const specials = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, steps, steps + 0.5, -0.5, 0.5]
    for (let index = 0; index < values.length; index++) values[index] = index % 5 === 0 ? specials[(index / 5) % specials.length]! : Math.floor(values[index]!) + 0.5
  }
  const rowSums = new Float64Array(planes * batch)
  for (let row = 0; row < rowSums.length; row++) rowSums[row] = shape.idle && row % 4 === 0 ? 0 : Math.floor(random.nextUniform() * 40)
  const rangeMin = Float64Array.from({ length: planes }, () => (shape.signedRange ? -60 - 3 * random.nextUniform() : 0))
  const rangeSpan = Float64Array.from({ length: planes }, (_, plane) => (shape.unitSteps === true ? steps : 63.3 + plane + 2 * random.nextUniform()))
  const factors = Float64Array.from({ length: planes }, (_, plane) => 2 ** plane / 255)
  const flipped = shape.flipped ? Uint8Array.from({ length: outputCount }, (_, column) => (column % 3 === 1 ? 1 : 0)) : null
  const output = new Float64Array(batch * outputColumns)
  random.fillUniform(output, -1, 1)
  return {
    values, stride, offset, batch, planes, outputCount, steps, rangeMin, rangeSpan, rowSums, idleVectors: shape.idle, factors,
    digitalOffset: shape.digital ? { offsetDigits: 0.013, units: Float64Array.from({ length: planes }, (_, plane) => (plane % 2 === 0 ? 1 : 0)), bias: 1.5, maxDigit: 3, flipped } : null,
    output, outputColumns, outputStart: 2,
  }
}

/** Cases of the backend suite: strided and contiguous reads, quantized or not, offsets, flips, idle vectors. @since 0.2.0 */
export const convertAccumulateCases: readonly ConvertAccumulateCase[] = [
  { label: '8-bit, digital offset, flipped columns, idle vectors, strided', create: (random) => build(random, { batch: 33, planes: 8, outputCount: 6, stride: 48, offset: 12, steps: 255, digital: true, flipped: true, idle: true, signedRange: false }) },
  { label: '6-bit signed range, digital offset, no flips', create: (random) => build(random, { batch: 17, planes: 3, outputCount: 11, stride: 11, offset: 0, steps: 63, digital: true, flipped: false, idle: false, signedRange: true }) },
  { label: '1-bit (sense amplifier), no digital offset', create: (random) => build(random, { batch: 9, planes: 5, outputCount: 4, stride: 8, offset: 4, steps: 1, digital: false, flipped: false, idle: true, signedRange: true }) },
  { label: '8-bit, 89 600 conversions (a layer-sized call), strided, flips, idle vectors', create: (random) => build(random, { batch: 700, planes: 8, outputCount: 16, stride: 64, offset: 16, steps: 255, digital: true, flipped: true, idle: true, signedRange: false }) },
  { label: '6-bit, one level per unit: exact ties, NaN, ±∞ and −0 values, flips', create: (random) => build(random, { batch: 10, planes: 2, outputCount: 23, stride: 23, offset: 0, steps: 63, digital: true, flipped: true, idle: false, signedRange: false, unitSteps: true }) },
  { label: 'ideal readout (steps 0), digital offset, flips, idle vectors', create: (random) => build(random, { batch: 12, planes: 4, outputCount: 7, stride: 7, offset: 0, steps: 0, digital: true, flipped: true, idle: true, signedRange: false }) },
]
