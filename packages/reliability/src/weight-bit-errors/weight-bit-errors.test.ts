import { createRandomSource, InvalidArgumentError } from '@cimkit/core'
import { describeMiddlewareConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { programThroughChain } from '../testing/middleware-chain.js'
import { MultiLevelTestDevice } from '../testing/multi-level-test-device.js'
import { createWeightBitErrors } from './weight-bit-errors.js'

/** Float32 levels, as cells store them. */
const LOW_S = Math.fround(10e-6)
const HIGH_S = Math.fround(40e-6)
/** A binary cell with no programming error: whatever it stores wrong, the middleware put there. */
const exactBinary = (): MultiLevelTestDevice => new MultiLevelTestDevice({ levelsS: [LOW_S, HIGH_S], programmingStdS: [0, 0] })

function randomBits(count: number, seed: number): Uint8Array {
  const random = createRandomSource(seed)
  return Uint8Array.from({ length: count }, () => (random.nextUniform() < 0.5 ? 1 : 0))
}

/** 4σ of a Binomial(n, p) count: the tolerance every rate test below uses. */
const fourSigma = (n: number, p: number): number => 4 * Math.sqrt(n * p * (1 - p))

describeMiddlewareConformance('weight-bit-errors', { create: () => createWeightBitErrors({ rate: 0.1 }), device: exactBinary })

describe('weight-bit-errors middleware', () => {
  const rows = 256
  const columns = 128

  for (const rate of [1e-3, 1e-2, 1e-1]) {
    it(`cell storage: each cell reads the other level with probability ${rate} (paper 004 Fig. 9 error model), binomial 4σ`, () => {
      const bits = randomBits(rows * columns, 1)
      const targets = Float32Array.from(bits, (bit) => (bit === 1 ? HIGH_S : LOW_S))
      const technique = createWeightBitErrors({ rate })
      const cells = programThroughChain([technique], exactBinary(), targets, { rows, columns }, createRandomSource(2), () => {})
      let flipped = 0
      let offLevel = 0
      for (let index = 0; index < bits.length; index++) {
        const stored = cells.conductanceS[index]!
        if (stored !== LOW_S && stored !== HIGH_S) offLevel++
        if ((stored === HIGH_S ? 1 : 0) !== bits[index]) flipped++
      }
      expect(offLevel).toBe(0)
      expect(technique.statistics()).toEqual({ bits: rows * columns, flipped })
      expect(Math.abs(flipped - rate * bits.length)).toBeLessThan(fourSigma(bits.length, rate))
    })
  }

  it('complementary-pair storage: a flip swaps G⁺ and G⁻ (the weight changes sign whole), at the rate per pair; an odd reference column is untouched', () => {
    const rate = 0.05
    const outputs = 64
    const width = 2 * outputs + 1 // 64 pairs + a reference column, as the engine lays out offset schemes
    const signs = randomBits(rows * outputs, 3)
    const targets = new Float32Array(rows * width)
    for (let row = 0; row < rows; row++) {
      for (let output = 0; output < outputs; output++) {
        const positive = signs[row * outputs + output] === 1
        targets[row * width + 2 * output] = positive ? HIGH_S : LOW_S
        targets[row * width + 2 * output + 1] = positive ? LOW_S : HIGH_S
      }
      targets[row * width + 2 * outputs] = LOW_S
    }
    const technique = createWeightBitErrors({ rate, storage: 'complementary-pair' })
    const cells = programThroughChain([technique], exactBinary(), targets, { rows, columns: width }, createRandomSource(4), () => {})
    let flipped = 0
    let brokenPairs = 0
    let changedReferences = 0
    for (let row = 0; row < rows; row++) {
      for (let output = 0; output < outputs; output++) {
        const plus = cells.conductanceS[row * width + 2 * output]!
        const minus = cells.conductanceS[row * width + 2 * output + 1]!
        // Still one LRS and one HRS: a swapped pair, never a (high, high) or (low, low) one.
        if (Math.min(plus, minus) !== LOW_S || Math.max(plus, minus) !== HIGH_S) brokenPairs++
        if ((plus > minus ? 1 : 0) !== signs[row * outputs + output]) flipped++
      }
      if (cells.conductanceS[row * width + 2 * outputs] !== LOW_S) changedReferences++
    }
    expect(brokenPairs).toBe(0)
    expect(changedReferences).toBe(0)
    expect(technique.statistics()).toEqual({ bits: rows * outputs, flipped })
    expect(Math.abs(flipped - rate * rows * outputs)).toBeLessThan(fourSigma(rows * outputs, rate))
  })

  it('rate 0 programs exactly the plain device; rate 1 flips every bit; the flips reproduce from the seed and change with it', () => {
    const device = new MultiLevelTestDevice({ levelsS: [LOW_S, HIGH_S], programmingStdS: [1e-6, 2e-6] })
    const targets = Float32Array.from(randomBits(64 * 32, 5), (bit) => (bit === 1 ? HIGH_S : LOW_S))
    const shape = { rows: 64, columns: 32 }
    const program = (rate: number, seed: number) => programThroughChain([createWeightBitErrors({ rate })], device, targets, shape, createRandomSource(seed), () => {}).conductanceS
    expect(program(0, 6)).toEqual(programThroughChain([], device, targets, shape, createRandomSource(6), () => {}).conductanceS)
    const inverted = programThroughChain([createWeightBitErrors({ rate: 1 })], exactBinary(), targets, shape, createRandomSource(6), () => {}).conductanceS
    expect(inverted).toEqual(targets.map((target) => (target === HIGH_S ? LOW_S : HIGH_S)))
    expect(program(0.1, 7)).toEqual(program(0.1, 7))
    expect(program(0.1, 7)).not.toEqual(program(0.1, 8))
  })

  it('refuses a multi-level or analog device with an error naming the device', () => {
    const fourLevels = new MultiLevelTestDevice({ levelsS: [1e-6, 2e-6, 3e-6, 4e-6], programmingStdS: [0, 0, 0, 0] })
    const analog = new MultiLevelTestDevice({ levelsS: [1e-6, 4e-6], programmingStdS: [0, 0], quantized: false })
    for (const device of [fourLevels, analog]) {
      const program = () => programThroughChain([createWeightBitErrors({ rate: 0.01 })], device, new Float32Array(4).fill(1e-6), { rows: 2, columns: 2 }, createRandomSource(1), () => {})
      expect(program).toThrow(InvalidArgumentError)
      expect(program).toThrow(/weight-bit-errors flips binary cells: device "test-multi-level" has (4 levels|analog states)/)
    }
  })

  it('validates its options: rate in [0, 1], known storage, no stray keys', () => {
    expect(() => createWeightBitErrors({ rate: 1.5 })).toThrow()
    expect(() => createWeightBitErrors({ rate: -0.1 })).toThrow()
    expect(() => createWeightBitErrors({ rate: 0.1, storage: 'pairs' as 'cell' })).toThrow()
    expect(() => createWeightBitErrors({ rate: 0.1, ber: 0.1 } as { rate: number })).toThrow()
    expect(createWeightBitErrors({ rate: 0.01 }).toJSON()).toEqual({ type: 'weight-bit-errors', rate: 0.01, storage: 'cell' })
  })
})
