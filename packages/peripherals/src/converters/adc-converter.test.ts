import { createRandomSource } from '@cimkit/core'
import { describeOutputConverterConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { createFlashAdc, createPipelinedAdc, createRampAdc, createSarAdc, flashOptionsSchema, pipelinedOptionsSchema, rampOptionsSchema, sarOptionsSchema } from './adc-types.js'
import { normalCdf as standardNormalCdf } from '@cimkit/core'

describeOutputConverterConformance('sar (ISAAC 8-bit)', {
  create: () => createSarAdc({ bits: 8, sampleRateHz: 1.28e9, technologyNodeNm: 32 }),
  registration: { optionsSchema: sarOptionsSchema },
  validOptions: { bits: 2, references: [0.1, 0.5, 0.9] },
  invalidOptions: [
    { options: { bits: 2, references: [0.1, 0.5] }, path: 'references' },
    { options: { bits: 2, references: [0.5, 0.1, 0.9] }, path: 'references.1' },
    { options: { noiseStdLsb: -1 }, path: 'noiseStdLsb' },
    { options: { bitz: 8 }, path: '' },
  ],
})
describeOutputConverterConformance('sar with static offsets', { create: () => createSarAdc({ bits: 6, offsetStdLsb: 0.7 }) })
describeOutputConverterConformance('sar with noise', { create: () => createSarAdc({ bits: 6, noiseStdLsb: 0.5 }), noiseless: false })
describeOutputConverterConformance('sar with nonuniform references', { create: () => createSarAdc({ bits: 2, references: [0.2, 0.3, 0.7] }) })
describeOutputConverterConformance('flash (3-bit, comparator mismatch)', {
  create: () => createFlashAdc({ bits: 3, comparatorMismatchStdLsb: 0.3 }),
  registration: { optionsSchema: flashOptionsSchema },
  invalidOptions: [{ options: { comparatorMismatchStdLsb: 'big' }, path: 'comparatorMismatchStdLsb' }],
})
describeOutputConverterConformance('ramp (6-bit)', {
  create: () => createRampAdc({ bits: 6 }),
  registration: { optionsSchema: rampOptionsSchema },
})
describeOutputConverterConformance('pipelined (10-bit)', {
  create: () => createPipelinedAdc(),
  registration: { optionsSchema: pipelinedOptionsSchema },
})

describe('ADC behaviour', () => {
  const range = { min: -1, max: 2 }

  it('quantizes to exactly 2^B levels spanning the range and clips outside it', () => {
    const adc = createSarAdc({ bits: 2 })
    const values = new Float32Array([-5, -1, -0.51, -0.49, 0.2, 0.49, 0.51, 1.6, 2, 9])
    const out = new Float32Array(values.length)
    adc.convert(values, 1, range, createRandomSource(1), out)
    expect(Array.from(out)).toEqual([-1, -1, -1, 0, 0, 0, 1, 2, 2, 2])
  })

  it('every level maps to itself and the step is span/(2^B − 1)', () => {
    const adc = createSarAdc({ bits: 8 })
    const levels = new Float32Array(256).map((_, code) => range.min + (code * 3) / 255)
    const out = new Float32Array(256)
    adc.convert(levels, 4, range, createRandomSource(1), out)
    for (let code = 0; code < 256; code++) expect(out[code]).toBeCloseTo(levels[code]!, 5)
  })

  it('nonuniform references: codes count thresholds passed; inner codes read back at interval midpoints', () => {
    const adc = createSarAdc({ bits: 2, references: [0.2, 0.3, 0.7] })
    const fractions = [0.1, 0.25, 0.5, 0.9]
    const out = new Float32Array(4)
    adc.convert(Float32Array.from(fractions), 1, { min: 0, max: 1 }, createRandomSource(1), out)
    expect(Array.from(out)).toEqual([0, 0.25, 0.5, 1].map((level) => expect.closeTo(level, 6)))
  })

  it('a static offset is the same for a column on every call and differs between columns', () => {
    const adc = createSarAdc({ bits: 4, offsetStdLsb: 2 })
    const values = new Float32Array(64).fill(0.5)
    const first = new Float32Array(64)
    const second = new Float32Array(64)
    const stream = createRandomSource(3).stream('array', 0)
    adc.convert(values, 64, range, stream, first)
    adc.convert(values, 64, range, stream, second)
    expect(Array.from(second)).toEqual(Array.from(first))
    expect(new Set(first).size).toBeGreaterThan(3)
  })

  it('columns multiplexed onto one ADC share its offset (ISAAC: 128 columns per ADC)', () => {
    const adc = createSarAdc({ bits: 4, offsetStdLsb: 2, columnsPerConverter: 8 })
    const values = new Float32Array(64).fill(0.5)
    const out = new Float32Array(64)
    adc.convert(values, 64, range, createRandomSource(3).stream('array', 0), out)
    for (let column = 0; column < 64; column++) expect(out[column]).toBe(out[column - (column % 8)])
    expect(new Set(out).size).toBeGreaterThan(2)
  })

  it('noise flips a mid-step input with probability 2Φ(−0.5/σ) (σ = 0.5 LSB, 40 000 conversions)', () => {
    const adc = createSarAdc({ bits: 4, noiseStdLsb: 0.5 })
    const count = 40000
    const level = range.min + (7 * 3) / 15
    const values = new Float32Array(count).fill(level)
    const out = new Float32Array(count)
    adc.convert(values, 100, range, createRandomSource(4), out)
    const flips = out.filter((value) => Math.abs(value - level) > 1e-4).length / count
    const expected = 2 * standardNormalCdf(-1)
    expect(Math.abs(flips - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / count))
  })

  it('flash thermometer decoding tolerates bubbles: code = number of comparators that fire', () => {
    const adc = createFlashAdc({ bits: 3, comparatorMismatchStdLsb: 0.8 })
    const values = new Float32Array(8 * 16).map((_, index) => (index % 8) / 7)
    const out = new Float32Array(values.length)
    adc.convert(values, 16, { min: 0, max: 1 }, createRandomSource(6), out)
    for (const value of out) expect(Math.abs(value * 7 - Math.round(value * 7))).toBeLessThan(1e-5)
    const errors = out.filter((value, index) => Math.abs(value - values[index]!) > 1e-5).length
    expect(errors).toBeGreaterThan(0)
  })

  it('rejects a malformed call', () => {
    const adc = createSarAdc()
    expect(() => adc.convert(new Float32Array(3), 2, range, createRandomSource(1), new Float32Array(3))).toThrow()
    expect(() => adc.convert(new Float32Array(2), 1, { min: 1, max: 1 }, createRandomSource(1), new Float32Array(2))).toThrow()
  })
})
