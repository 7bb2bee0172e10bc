import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRandomSource } from '@cimkit/core'
import type { RandomSource } from '@cimkit/core'
import { describeDeviceConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { createMeasuredDevice } from './create-measured-device.js'
import { fitGaussianMixture } from './fit-gaussian-mixture.js'
import { fitMeasuredDevice } from './fit-measured-device.js'
import { measuredOptionsSchema } from './measured-options.js'

// A known 4-level device: per level a main component and a wider shoulder above it.
const truth = [0, 1, 2, 3].map((level) => [
  { weight: 0.8, meanS: (10 + 30 * level) * 1e-6, stdS: 1e-6 },
  { weight: 0.2, meanS: (14 + 30 * level) * 1e-6, stdS: 2e-6 },
])
const perLevel = 8000

function drawMixture(components: readonly { weight: number; meanS: number; stdS: number }[], random: RandomSource): number {
  const component = random.nextUniform() < components[0]!.weight ? components[0]! : components[1]!
  return component.meanS + component.stdS * random.nextNormal()
}

function syntheticCsv(): string {
  const random = createRandomSource(42)
  const rows = ['level,conductance_S,die']
  truth.forEach((components, level) => {
    for (let index = 0; index < perLevel; index++) rows.push(`${level},${drawMixture(components, random)},d${index % 3}`)
  })
  return rows.join('\n')
}

const csv = syntheticCsv()
const fitted = fitMeasuredDevice(csv, { levels: 4, method: 'gaussian-mixture', components: 2, source: 'synthetic' })

describeDeviceConformance('measured (gaussian mixture)', {
  create: () => createMeasuredDevice({ fitted }),
  registration: { optionsSchema: measuredOptionsSchema, create: () => createMeasuredDevice({ fitted }) } as never,
  validOptions: { file: 'device.json' },
  invalidOptions: [
    { options: {}, path: 'file' },
    { options: { file: 'a.json', fitted }, path: 'file' },
    { options: { file: 'a.json', unknown: 1 }, path: '' },
  ],
})
describeDeviceConformance('measured (empirical)', { create: () => createMeasuredDevice({ fitted: fitMeasuredDevice(csv, { levels: 4, method: 'empirical' }) }) })

describe('fitMeasuredDevice', () => {
  // Tolerances: the components overlap (shoulder 4 µS above a 1 µS core), so with 8000 samples per
  // level EM misses by up to 0.02 in weight, 0.25 µS in mean and 7 % in σ (seed 42); the bounds are
  // about twice that, tight enough that a fit ignoring the shoulder (weight 0, σ ≈ 1.9 µS) fails.
  it('recovers a known 4-level two-component mixture: weights ±0.05, means ±0.4 µS, σ ±15 %', () => {
    fitted.levels.forEach((level, index) => {
      expect(level.count).toBe(perLevel)
      const components = level.components!
      expect(components).toHaveLength(2)
      components.forEach((component, k) => {
        const expected = truth[index]![k]!
        expect(Math.abs(component.weight - expected.weight)).toBeLessThan(0.05)
        expect(Math.abs(component.meanS - expected.meanS)).toBeLessThan(0.4e-6)
        expect(Math.abs(component.stdS / expected.stdS - 1)).toBeLessThan(0.15)
      })
    })
  })

  it('chooses the number of components by BIC: one for a single Gaussian, two for the mixture', () => {
    const random = createRandomSource(5)
    const single = Float64Array.from({ length: 4000 }, () => 5e-5 + 1e-6 * random.nextNormal())
    const defaultFit = fitMeasuredDevice(`level,conductance_S\n${Array.from(single, (g, i) => `${i % 2},${g + (i % 2) * 1e-4}`).join('\n')}`, { levels: 2, method: 'gaussian-mixture' })
    expect(defaultFit.levels.map((level) => level.components!.length)).toEqual([1, 1])
    expect(fitMeasuredDevice(csv, { levels: 4, method: 'gaussian-mixture' }).levels.every((level) => level.components!.length >= 2)).toBe(true)
    expect(fitGaussianMixture(single, 1).components[0]!.stdS / 1e-6).toBeCloseTo(1, 1)
  }, 30_000)

  it('the fitted device, saved and reloaded from a file, programs exactly what the in-memory one does', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cimkit-measured-'))
    writeFileSync(join(directory, 'my-device.json'), JSON.stringify(fitted, null, 2))
    const reloaded = createMeasuredDevice({ file: 'my-device.json' }, directory)
    const original = createMeasuredDevice({ fitted })
    const targets = Float32Array.from({ length: 4096 }, (_, index) => original.levelsS![index % 4]!)
    expect(Array.from(reloaded.doProgram(targets, createRandomSource(6)).conductanceS)).toEqual(Array.from(original.doProgram(targets, createRandomSource(6)).conductanceS))
    expect(reloaded.type).toBe('measured')
    expect(reloaded.toJSON()).toEqual({ type: 'measured', file: 'my-device.json' })
  })

  it('the fitted device programs the known distributions: per-level mean within 0.1 µS, σ within 5 %, 99th percentile within 0.5 µS', () => {
    const device = createMeasuredDevice({ fitted })
    const count = 20000
    truth.forEach((components, level) => {
      const random = createRandomSource(7).stream('truth', level)
      const expected = Float64Array.from({ length: count }, () => drawMixture(components, random)).sort()
      const programmed = Float64Array.from(device.doProgram(new Float32Array(count).fill(device.levelsS![level]!), createRandomSource(7).stream('fit', level)).conductanceS).sort()
      const moments = (values: Float64Array): [number, number] => {
        const mean = values.reduce((sum, value) => sum + value, 0) / values.length
        return [mean, Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length)]
      }
      const [expectedMean, expectedStd] = moments(expected)
      const [mean, std] = moments(programmed)
      expect(Math.abs(mean - expectedMean)).toBeLessThan(0.1e-6)
      expect(Math.abs(std / expectedStd - 1)).toBeLessThan(0.05)
      expect(Math.abs(programmed[Math.floor(0.99 * count)]! - expected[Math.floor(0.99 * count)]!)).toBeLessThan(0.5e-6)
    })
  })

  it('empirical: keeps the samples and programs only measured values', () => {
    const description = fitMeasuredDevice(csv, { levels: 4, method: 'empirical' })
    expect(description.levels[2]!.samplesS).toHaveLength(perLevel)
    const device = createMeasuredDevice({ fitted: description })
    const allowed = new Set(description.levels[2]!.samplesS!.map((value) => Math.fround(value)))
    for (const value of device.doProgram(new Float32Array(500).fill(device.levelsS![2]!), createRandomSource(3)).conductanceS) expect(allowed.has(value)).toBe(true)
  })

  it('rejects levels whose means do not ascend, and a malformed file with its path', () => {
    expect(() => fitMeasuredDevice('level,conductance_S\n0,5e-5\n0,5e-5\n1,1e-5\n1,1e-5\n', { levels: 2, method: 'empirical' })).toThrow(/level 1 has a mean conductance/)
    const directory = mkdtempSync(join(tmpdir(), 'cimkit-measured-'))
    writeFileSync(join(directory, 'bad.json'), JSON.stringify({ format: 'cimkit-measured-device', version: 2, levels: [] }))
    expect(() => createMeasuredDevice({ file: 'bad.json' }, directory)).toThrow(/bad\.json is not a fitted device/)
  })
})
