import { createRandomSource } from '@cimkit/core'
import { describeOutputConverterConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { createIntegrateFireCounter, integrateFireOptionsSchema } from './integrate-fire-counter.js'

describeOutputConverterConformance('integrate-fire (8-bit)', {
  create: () => createIntegrateFireCounter(),
  registration: { optionsSchema: integrateFireOptionsSchema },
  invalidOptions: [{ options: { thresholdMismatchStd: 0.9 }, path: 'thresholdMismatchStd' }],
})
describeOutputConverterConformance('integrate-fire (threshold mismatch)', { create: () => createIntegrateFireCounter({ bits: 5, thresholdMismatchStd: 0.05 }) })

describe('integrate-and-fire counter (PipeLayer)', () => {
  it('counts whole thresholds of charge: floor, never round; negative charge never fires; the counter saturates', () => {
    const counter = createIntegrateFireCounter({ bits: 2 })
    const values = new Float32Array([-2, 0, 0.99, 1, 1.5, 1.99, 2, 2.999, 3, 7])
    const out = new Float32Array(values.length)
    counter.convert(values, 1, { min: 0, max: 3 }, createRandomSource(1), out)
    expect(Array.from(out)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 3, 3])
  })

  it('levels map to themselves over a full 8-bit scale', () => {
    const counter = createIntegrateFireCounter({ bits: 8 })
    const levels = new Float32Array(256).map((_, count) => -1 + (count * 2) / 255)
    const out = new Float32Array(256)
    counter.convert(levels, 1, { min: -1, max: 1 }, createRandomSource(1), out)
    for (let count = 0; count < 256; count++) expect(out[count]).toBeCloseTo(levels[count]!, 5)
  })

  it('a threshold mismatch is a static gain error per column', () => {
    const counter = createIntegrateFireCounter({ bits: 8, thresholdMismatchStd: 0.1 })
    const values = new Float32Array(32).fill(0.5)
    const first = new Float32Array(32)
    const second = new Float32Array(32)
    const stream = createRandomSource(3).stream('array', 1)
    counter.convert(values, 32, { min: 0, max: 1 }, stream, first)
    counter.convert(values, 32, { min: 0, max: 1 }, stream, second)
    expect(Array.from(second)).toEqual(Array.from(first))
    expect(new Set(first).size).toBeGreaterThan(5)
  })

  it('costs (2^B − 1)/2 fires on average and 2^B − 1 decision periods at full scale', () => {
    const four = createIntegrateFireCounter({ bits: 4, technologyNodeNm: 28 }).cost
    const five = createIntegrateFireCounter({ bits: 5, technologyNodeNm: 28 }).cost
    expect(four.latencyPerActionS['convert']).toBeCloseTo(15e-9, 15)
    expect(five.energyPerActionJ['convert']! / four.energyPerActionJ['convert']!).toBeCloseTo(31 / 15, 9)
    expect(four.energyPerActionJ['convert']).toBeCloseTo(7.5 * 3 * 1.63e-15, 20)
  })
})
