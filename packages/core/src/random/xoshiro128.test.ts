import { describe, expect, it } from 'vitest'
import golden from './__fixtures__/xoshiro128-golden.json' with { type: 'json' }
import { createRandomSource, createRandomSourceFromState } from './create-random-source.js'
import { Xoshiro128StarStar } from './xoshiro128.js'

describe('xoshiro128** against the authors\' C reference (__fixtures__/generate_xoshiro128.c)', () => {
  for (const testCase of golden.cases) {
    it(`key ${testCase.key}: first 12 outputs and output 100 000`, () => {
      const generator = Xoshiro128StarStar.fromKey(BigInt(`0x${testCase.key}`))
      expect(Array.from({ length: 12 }, () => generator.nextUint32())).toEqual(testCase.outputs)
      for (let index = 12; index < 100_000; index++) generator.nextUint32()
      expect(generator.nextUint32()).toBe(testCase.output100000)
    })
  }
})

describe('RandomSource', () => {
  it('reproduces a run from its seed', () => {
    const first = createRandomSource(42)
    const second = createRandomSource(42)
    expect(Array.from({ length: 5 }, () => first.nextUniform())).toEqual(Array.from({ length: 5 }, () => second.nextUniform()))
  })

  it('derives streams from labels only, independent of what the parent drew', () => {
    const fresh = createRandomSource(1).stream('trial', 2, 'array', 7).nextUint32()
    const used = createRandomSource(1)
    for (let index = 0; index < 1000; index++) used.nextUint32()
    expect(used.stream('trial', 2, 'array', 7).nextUint32()).toBe(fresh)
    expect(createRandomSource(1).stream('trial', 2).stream('array', 7).nextUint32()).toBe(fresh)
  })

  it('gives different streams for different labels, label types and seeds', () => {
    const root = createRandomSource(1)
    const values = new Set([
      root.stream('trial', 1).nextUint32(),
      root.stream('trial', 2).nextUint32(),
      root.stream('trial', '1').nextUint32(),
      createRandomSource(2).stream('trial', 1).nextUint32(),
    ])
    expect(values.size).toBe(4)
  })

  it('resumes exactly from its state (checkpoints, workers)', () => {
    const source = createRandomSource(9).stream('x')
    source.nextNormal()
    const resumed = createRandomSourceFromState(JSON.parse(JSON.stringify(source.getState())))
    expect(Array.from({ length: 4 }, () => resumed.nextNormal())).toEqual(Array.from({ length: 4 }, () => source.nextNormal()))
  })

  it('draws uniforms with mean 1/2 and variance 1/12 (n = 200 000, 5σ tolerances)', () => {
    const values = new Float64Array(200_000)
    createRandomSource(3).fillUniform(values)
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length
    // σ(mean) = sqrt(1/12/n) ≈ 6.5e-4; σ(variance) ≈ sqrt(1/180/n) ≈ 1.7e-4
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * 6.5e-4)
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * 1.7e-4)
  })

  it('draws normals with the right moments and tail mass (n = 200 000)', () => {
    const values = new Float32Array(200_000)
    createRandomSource(4).fillNormal(values, 2, 3)
    let sum = 0
    let squares = 0
    let beyondTwoSigma = 0
    for (const value of values) {
      sum += value
      squares += (value - 2) ** 2
      if (Math.abs(value - 2) > 6) beyondTwoSigma++
    }
    const mean = sum / values.length
    const std = Math.sqrt(squares / values.length)
    expect(Math.abs(mean - 2)).toBeLessThan(5 * (3 / Math.sqrt(values.length)))
    expect(Math.abs(std - 3)).toBeLessThan(5 * (3 / Math.sqrt(2 * values.length)))
    // P(|z| > 2) = 0.0455; binomial σ = sqrt(p(1−p)/n) ≈ 4.7e-4
    expect(Math.abs(beyondTwoSigma / values.length - 0.0455)).toBeLessThan(5 * 4.7e-4)
  })

  it('rejects seeds that are not safe non-negative integers', () => {
    expect(() => createRandomSource(-1)).toThrow(/seed/)
    expect(() => createRandomSource(1.5)).toThrow(/seed/)
  })
})
