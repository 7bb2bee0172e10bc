import { createRandomSource, createRunContainer, findPackageJson, readPluginManifest, resolveConfig, validateBaseConfig } from '@cimkit/core'
import { describeDeviceConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { createPcmDevice } from './create-pcm-device.js'
import { globalDriftCompensationScale } from './global-drift-compensation.js'
import { createPcmPlugin } from './index.js'
import { pcmOptionsSchema } from './pcm-options.js'
import { pcmPresets } from './presets/pcm-presets.js'

const { type: _type, ...aihwkitOptions } = pcmPresets['aihwkit-pcm']!.config.device as Record<string, unknown>

describeDeviceConformance('pcm preset aihwkit-pcm', {
  create: () => createPcmDevice('aihwkit-pcm'),
  registration: { optionsSchema: pcmOptionsSchema, create: () => createPcmDevice('aihwkit-pcm') } as never,
  validOptions: aihwkitOptions,
  invalidOptions: [
    { options: { ...aihwkitOptions, levels: 1 }, path: 'levels' },
    { options: { ...aihwkitOptions, drift: { ...(aihwkitOptions.drift as object), referenceTimeS: 0 } }, path: 'drift.referenceTimeS' },
    { options: { ...aihwkitOptions, readNoise: undefined }, path: 'readNoise' },
    { options: { ...aihwkitOptions, driftt: 1 }, path: '' },
  ],
})
describeDeviceConformance('pcm preset survey-pcm', { create: () => createPcmDevice('survey-pcm') })

const device = createPcmDevice('aihwkit-pcm')
const gMax = 25e-6
const within = (actual: number, expected: number, relative: number): void => {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(relative)
}

describe('aihwkit PCMLikeNoiseModel constants (anchor-aihwkit.md §6.3 tables)', () => {
  it.each([
    [0, 0.263],
    [0.1, 0.448],
    [0.25, 0.681],
    [0.5, 0.953],
    [0.75, 1.077],
    [1, 1.055],
  ])('σ_prog at ĝ = %f is %f µS (within 1 %)', (normalised, microsiemens) => {
    const std = device.programmingNoiseStdS(normalised * gMax)
    within(std, microsiemens * 1e-6, 0.01)
    expect(std).toBeCloseTo((0.26348 + 1.965 * normalised - 1.1731 * normalised ** 2) * 1e-6, 15)
  })

  it.each([
    [0.01, 0.0958, 0.045],
    [0.05, 0.0708, 0.0315],
    [0.1, 0.0601, 0.0229],
    [0.25, 0.049, 0.0114],
    [0.5, 0.049, 0.008],
  ])('drift exponent at ĝ = %f: μ_ν %f, σ_ν %f (within 1 %)', (normalised, mean, std) => {
    const statistics = device.driftExponentStatistics(normalised * gMax)
    within(statistics.mean, mean, 0.01)
    within(statistics.std, std, 0.01)
  })

  it('draws programming noise and drift exponents with those statistics (40 000 cells at ĝ = 0.5, 4 standard errors)', () => {
    const count = 40000
    const cells = device.doProgram(new Float32Array(count).fill(0.5 * gMax), createRandomSource(12))
    const moments = (values: Float32Array): [number, number] => {
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length
      return [mean, Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length)]
    }
    const [mean, std] = moments(cells.conductanceS)
    expect(Math.abs(mean - 0.5 * gMax)).toBeLessThan((4 * 0.953e-6) / Math.sqrt(count))
    within(std, 0.953e-6, 4 / Math.sqrt(2 * count) + 0.001)
    const [nuMean, nuStd] = moments(cells.driftExponent!)
    expect(Math.abs(nuMean - 0.049)).toBeLessThan((4 * 0.008) / Math.sqrt(count))
    within(nuStd, 0.008, 4 / Math.sqrt(2 * count))
  })
})

describe('aihwkit PCM at 1 s, 1 h, 1 day and 1 year after programming (anchor-aihwkit.md §6.3, within 1 %)', () => {
  const year = 365 * 86400
  // t_inference, √ln((t + t₀ + t_read)/(2 t_read)), read σ/G at ĝ = 1 and 0.1, drift factor for ν = 0.049 / 0.06 / 0.1.
  const table: [string, number, number, number, number, (number | null)[]][] = [
    ['1 s', 1, 4.19, 0.037, 0.165, [null, null, null]],
    ['1 h', 3600, 4.77, 0.042, 0.187, [0.775, 0.732, 0.595]],
    ['1 day', 86400, 5.09, 0.045, 0.2, [0.664, 0.605, 0.433]],
    ['1 year', year, 5.64, 0.05, 0.222, [0.497, 0.425, 0.24]],
  ]
  it.each(table)('%s', (_label, timeS, flicker, readAtMax, readAtTenth, driftFactors) => {
    const t = timeS + 20
    const exactFlicker = Math.sqrt(Math.log((t + 250e-9) / (2 * 250e-9)))
    within(exactFlicker, flicker, 0.01)
    within(device.readNoiseStdS(gMax, timeS) / gMax, readAtMax, 0.01)
    within(device.readNoiseStdS(0.1 * gMax, timeS) / (0.1 * gMax), readAtTenth, 0.01)
    expect(device.readNoiseStdS(gMax, timeS) / gMax).toBeCloseTo(0.0088 * exactFlicker, 12)
    const cells = { conductanceS: new Float32Array(3).fill(gMax), driftExponent: Float32Array.of(0.049, 0.06, 0.1) }
    const out = new Float32Array(3)
    device.conductanceAtTime(cells, timeS, out)
    ;[0.049, 0.06, 0.1].forEach((nu, index) => {
      expect(out[index]! / gMax).toBeCloseTo((t / 20) ** -nu, 6)
      if (driftFactors[index] !== null) within(out[index]! / gMax, driftFactors[index]!, 0.01)
    })
  })

  it('returns the programmed conductance at t = 0 (t₀ = 20 s is the first read)', () => {
    const cells = device.doProgram(new Float32Array(16).fill(gMax / 2), createRandomSource(1))
    const out = new Float32Array(16)
    device.conductanceAtTime(cells, 0, out)
    expect(Array.from(out)).toEqual(Array.from(cells.conductanceS))
    expect(device.referenceTimeS).toBe(20)
  })
})

describe('global drift compensation inputs', () => {
  it('α restores the mean read-out after a day of drift; for ν = 0.049 it is 1/0.664 (anchor-aihwkit.md §6.3, 1 %)', () => {
    const cells = { conductanceS: new Float32Array(100).fill(gMax), driftExponent: new Float32Array(100).fill(0.049) }
    const baseline = new Float32Array(100)
    const drifted = new Float32Array(100)
    device.conductanceAtTime(cells, 0, baseline)
    device.conductanceAtTime(cells, 86400, drifted)
    within(globalDriftCompensationScale(baseline, drifted), 1 / 0.664, 0.01)
    expect(globalDriftCompensationScale(Float32Array.of(2, 4), Float32Array.of(1, 2))).toBe(2)
    expect(() => globalDriftCompensationScale(Float32Array.of(1), Float32Array.of())).toThrow(/read-outs/)
  })
})

describe('survey-pcm (survey Table I, PCM column)', () => {
  it('5 bits, R_max 1 MΩ, 4 F², 1e12 cycles, 100 µA writes', () => {
    const survey = createPcmDevice('survey-pcm')
    expect(survey.levelsS).toHaveLength(32)
    expect(1 / survey.conductanceRangeS.minS).toBeCloseTo(1e6, 3)
    expect(survey.cost.cellAreaF2).toBe(4)
    expect(survey.options.enduranceCycles).toBe(1e12)
    expect(survey.cost.writeEnergyPerPulseJ / (1 * survey.cost.writePulseS)).toBeCloseTo(100e-6, 12)
  })
})

describe('@cimkit/device-pcm plugin', () => {
  it('registers pcm, the type package.json provides, with both presets', async () => {
    const manifest = readPluginManifest(findPackageJson(import.meta.url)!)!
    expect(manifest.manifest.provides).toEqual(['pcm'])
    const run = await createRunContainer({ plugins: [{ plugin: createPcmPlugin(), manifest }], seed: 1 })
    expect(run.registry.types('device')).toEqual(['pcm'])
    expect(run.registry.presetNames('device', 'pcm')).toEqual(['aihwkit-pcm', 'survey-pcm'])
    await run.dispose()
  })

  it('builds from a config: aihwkit-pcm with drift switched off and 16 levels', async () => {
    const run = await createRunContainer({ plugins: [{ plugin: createPcmPlugin() }], seed: 1 })
    const config = validateBaseConfig({ device: { type: 'pcm', preset: 'aihwkit-pcm', levels: 16, drift: { scale: 0 } } })
    const section = (await resolveConfig(config, run.registry)).device!
    const built = run.registry.get('device', 'pcm').registration.create(section.options, { random: createRandomSource(1), container: run.container, configDirectory: '.' })
    expect(built.levelsS).toHaveLength(16)
    const cells = built.doProgram(new Float32Array(8).fill(gMax), createRandomSource(2))
    const out = new Float32Array(8)
    built.conductanceAtTime!(cells, 86400, out)
    expect(Array.from(out)).toEqual(Array.from(cells.conductanceS))
    await run.dispose()
  })
})
