import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { bitSlicedMvm } from './bit-sliced-mvm.js'
import { idealMvm } from './mvm-function.js'
import type { MvmuBlock } from './mvm-function.js'

function randomBlock(seed: number, rows: number, columns: number, range: number): { block: MvmuBlock; input: Int16Array } {
  const random = createRandomSource(seed)
  const weights = new Int16Array(rows * columns)
  for (let i = 0; i < weights.length; i++) weights[i] = Math.round((random.nextUniform() * 2 - 1) * range)
  const input = new Int16Array(rows)
  for (let i = 0; i < rows; i++) input[i] = Math.round((random.nextUniform() * 2 - 1) * range)
  return { block: { id: 'b', rows, columns, weights, fractionBits: 12 }, input }
}

function rmsDifference(a: Int16Array, b: Int16Array): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - (b[i] as number)) ** 2
  return Math.sqrt(sum / a.length)
}

describe('bit-sliced MVMU (PUMA: 8 slices of 2-bit cells, 16 bit-serial input bits)', () => {
  it('equals the exact fixed-point product when the ADC resolves every column sum (9 bits for 128 rows × 3)', () => {
    const { block, input } = randomBlock(1, 128, 128, 6000)
    const exact = new Int16Array(128)
    const sliced = new Int16Array(128)
    idealMvm()(block, input, exact)
    bitSlicedMvm({ adcBits: 9 })(block, input, sliced)
    expect(Array.from(sliced)).toEqual(Array.from(exact))
    expect(exact.some((value) => value !== 0)).toBe(true)
  })

  it('matches a hand-computed product including negative inputs and weights', () => {
    const block: MvmuBlock = { id: 'h', rows: 2, columns: 2, weights: Int16Array.from([4096, -2048, 8192, 1024]), fractionBits: 12 }
    const out = new Int16Array(2)
    bitSlicedMvm()(block, Int16Array.from([-4096, 2048]), out)
    // [-1, 0.5] · [[1, -0.5], [2, 0.25]] = [0, 0.625] → raw [0, 2560]
    expect(Array.from(out)).toEqual([0, 2560])
  })

  it('clips with a 6-bit ADC (sums up to 384 exceed 63), so the product degrades', () => {
    const { block, input } = randomBlock(2, 128, 128, 6000)
    const exact = new Int16Array(128)
    const clipped = new Int16Array(128)
    idealMvm()(block, input, exact)
    bitSlicedMvm({ adcBits: 6 })(block, input, clipped)
    expect(rmsDifference(clipped, exact)).toBeGreaterThan(100)
  })

  // A conversion that noise pushes across a decision threshold is off by one LSB, weighted up to
  // 2^15 · 2^14 by shift-and-add: sub-LSB noise already matters, and the error grows with it.
  it('degrades monotonically with ADC noise (seeded, 0.1 → 0.25 → 0.5 LSB)', () => {
    const { block, input } = randomBlock(3, 128, 64, 6000)
    const exact = new Int16Array(64)
    idealMvm()(block, input, exact)
    const errors = [0.1, 0.25, 0.5].map((noise) => {
      const out = new Int16Array(64)
      bitSlicedMvm({ noiseStdLsb: noise, random: createRandomSource(7) })(block, input, out)
      return rmsDifference(out, exact)
    })
    expect(errors[0] as number).toBeGreaterThanOrEqual(0)
    expect(errors[1] as number).toBeGreaterThan(errors[0] as number)
    expect(errors[2] as number).toBeGreaterThan(errors[1] as number)
  })
})
