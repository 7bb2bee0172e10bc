import { createRandomSource, InvalidArgumentError } from '@cimkit/core'
import { describeMiddlewareConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { normalQuantile } from '@cimkit/core'
import { ActionCounter } from '../testing/action-counter.js'
import { programThroughChain } from '../testing/middleware-chain.js'
import { MultiLevelTestDevice } from '../testing/multi-level-test-device.js'
import { residualBitErrorRate } from './bit-error-rates.js'
import { createErrorCorrectingCode } from './error-correcting-code.js'

/** A binary cell (10 µS / 40 µS, reference √(10·40) = 20 µS) whose single-ended read errs with probability p. */
function binaryDevice(p: number): MultiLevelTestDevice {
  const z = -normalQuantile(p)
  return new MultiLevelTestDevice({ levelsS: [10e-6, 40e-6], programmingStdS: [10e-6 / z, 20e-6 / z] })
}

function randomBinaryTargets(count: number, seed: number): Float32Array {
  const random = createRandomSource(seed)
  return Float32Array.from({ length: count }, () => (random.nextUniform() < 0.5 ? 10e-6 : 40e-6))
}

describeMiddlewareConformance('ecc', { create: () => createErrorCorrectingCode(), device: () => binaryDevice(1e-2) })

describe('ecc middleware', () => {
  for (const [code, dataBits] of [['secded', 4], ['sec', 4], ['secded', 64]] as const) {
    it(`${code.toUpperCase()} with k = ${dataBits}: residual BER of stored weights matches the closed form at raw BER 1e-2`, () => {
      const p = 1e-2
      const technique = createErrorCorrectingCode({ code, dataBits })
      const rows = 512
      const columns = 256
      let residual = 0
      for (let block = 0; block < 4; block++) {
        const targets = randomBinaryTargets(rows * columns, block)
        const cells = programThroughChain([technique], binaryDevice(p), targets, { rows, columns }, createRandomSource(50 + block), () => {})
        for (let index = 0; index < targets.length; index++) if (cells.conductanceS[index]! > 20e-6 !== targets[index]! > 20e-6) residual++
      }
      const statistics = technique.statistics()
      const raw = statistics.rawBitErrors
      const stored = statistics.storedBits
      expect(statistics.residualBitErrors).toBe(residual)
      const bits = 4 * rows * columns
      expect(Math.abs(raw / stored - p)).toBeLessThan(4 * Math.sqrt(p / stored))
      const expected = residualBitErrorRate(technique.code, p)
      // Residual errors come in pairs/triples per word: 4σ of a Poisson count of words, times 3.
      expect(Math.abs(residual - expected * bits)).toBeLessThan(3 * 4 * Math.sqrt((expected * bits) / 2))
      // Short words gain most: k = 4 cuts the BER tenfold at p = 1e-2, k = 64 only by half (≈ 71p²).
      expect(residual / bits).toBeLessThan(dataBits === 4 ? p / 10 : p / 1.5)
    })
  }

  it('statistics(): SECDED(8,4) at raw BER 1e-2 corrects the words with one error (8p(1−p)^7) and flags those with two (28p²(1−p)^6)', () => {
    const p = 1e-2
    const technique = createErrorCorrectingCode({ code: 'secded', dataBits: 4 })
    const rows = 512
    const columns = 256
    programThroughChain([technique], binaryDevice(p), randomBinaryTargets(rows * columns, 7), { rows, columns }, createRandomSource(70), () => {})
    const statistics = technique.statistics()
    const words = rows * (columns / 4)
    expect(statistics.words).toBe(words)
    expect(statistics.rawBitErrorFraction).toBe(statistics.rawBitErrors / statistics.storedBits)
    expect(statistics.residualBitErrorFraction).toBe(statistics.residualBitErrors / statistics.dataBits)
    const single = 8 * p * (1 - p) ** 7
    const double = 28 * p * p * (1 - p) ** 6
    // 4 binomial standard deviations over `words` words (three or more errors, ≈ 5e-5 of the words, add at most 4σ more).
    expect(Math.abs(statistics.correctedWords / words - single)).toBeLessThan(4 * Math.sqrt((single * (1 - single)) / words) + 6e-5)
    expect(Math.abs(statistics.uncorrectableWords / words - double)).toBeLessThan(4 * Math.sqrt((double * (1 - double)) / words) + 6e-5)
  })

  it('counts one encode per word at programming and one decode per word per row read', () => {
    const technique = createErrorCorrectingCode({ dataBits: 4 })
    const counter = new ActionCounter()
    programThroughChain([technique], binaryDevice(1e-3), randomBinaryTargets(16 * 10, 1), { rows: 16, columns: 10 }, createRandomSource(1), counter.record)
    expect(counter.get('ecc', 'encode')).toBe(16 * 3)
    technique.wrapMvm({ inputs: new Float32Array(5 * 16), batch: 5, rows: 16, columns: 10, timeS: 0, random: createRandomSource(1), record: counter.record, doMvm: (inputs) => new Float32Array((inputs.length / 16) * 10) })
    expect(counter.get('ecc', 'decode')).toBe(5 * 16 * 3)
    const [decoder, checkCells] = technique.addedComponents
    expect(decoder?.cost.energyPerActionJ.decode).toBeGreaterThan(0)
    expect(checkCells?.count).toBe(16 * 3 * 4)
    // SECDED(8,4): 4 check cells per word of up to 4 data bits (the last word of a row is shortened to 2).
    expect(technique.statistics().storedBits).toBe(16 * 10 + 16 * 3 * 4)
  })

  it('rejects a multi-level device', () => {
    const device = new MultiLevelTestDevice({ levelsS: [1e-6, 2e-6, 3e-6], programmingStdS: [0, 0, 0] })
    expect(() => programThroughChain([createErrorCorrectingCode()], device, new Float32Array(4).fill(1e-6), { rows: 2, columns: 2 }, createRandomSource(1), () => {})).toThrow(InvalidArgumentError)
  })
})
