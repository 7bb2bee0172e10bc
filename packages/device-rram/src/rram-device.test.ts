import { createRandomSource, StuckState } from '@cimkit/core'
import { describeDeviceConformance, expectCloseToArray } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { createRramDevice } from './create-rram-device.js'
import { createRramPlugin } from './index.js'
import { rramPresets } from './presets/rram-presets.js'
import { rramOptionsSchema } from './rram-options.js'
import type { RramOptions } from './rram-options.js'

const registration = { optionsSchema: rramOptionsSchema, create: () => createRramDevice() } as never

describeDeviceConformance('rram (defaults: analog)', {
  create: () => createRramDevice(),
  registration,
  validOptions: { levels: 4, programmingError: 0.05 },
  invalidOptions: [
    { options: { levels: 1 }, path: 'levels' },
    { options: { conductanceRangeS: { minS: 2e-5, maxS: 1e-5 } }, path: 'conductanceRangeS.maxS' },
    { options: { programmingError: { kind: 'gaussian', relativeStdev: 0.1 } }, path: 'programmingError' },
    { options: { programmingConditions: { setComplianceCurrentA: 2e-4, resetVoltageV: 2.5, pulseWidthS: 1e-6 }, levels: 2 }, path: 'levels' },
    { options: { stuckOnFraction: 0.6, stuckOffFraction: 0.6 }, path: 'stuckOffFraction' },
    { options: { readNoise: { kind: 'relative', relativeStd: -1 } }, path: 'readNoise.relativeStd' },
  ],
})
describeDeviceConformance('rram (4 levels, all effects)', {
  create: () =>
    createRramDevice({
      levels: 4,
      programmingError: { kind: 'gaussian', relativeStd: [0.1, 0.05, 0.03, 0.02], absoluteStdS: 1e-7 },
      deviceToDeviceRelativeStd: 0.02,
      stuckOnFraction: 0.001,
      stuckOffFraction: 0.002,
      readNoise: { kind: 'relative', relativeStd: 0.01 },
      readDisturb: { relativeDriftPerRead: 1e-6, relativeStdPerRead: 1e-5 },
      retention: { meanShiftPerLnTimeS: -1e-8, spreadAtReferenceS: 1e-7, spreadPerLnTimeS: 1e-8 },
      endurance: { cycles: 1e6, failedFraction: 0.01 },
    }),
})
for (const name of Object.keys(rramPresets)) {
  const device = rramPresets[name]!.config.device as { type: string } & RramOptions
  const { type: _type, ...options } = device
  describeDeviceConformance(`rram preset ${name}`, { create: () => createRramDevice(options) })
}

describe('rram programming', () => {
  const random = createRandomSource(2026)

  it('spreads Gaussian errors with σ = relativeStd·G (paper 000 Table 1 variability σ/μ), within 4 standard errors', () => {
    const device = createRramDevice({ programmingError: 0.03 })
    const count = 20000
    const cells = device.doProgram(new Float32Array(count).fill(5e-5), random.stream('gaussian'))
    const mean = cells.conductanceS.reduce((sum, value) => sum + value, 0) / count
    const std = Math.sqrt(cells.conductanceS.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (count - 1))
    expect(Math.abs(mean - 5e-5)).toBeLessThan((4 * 1.5e-6) / Math.sqrt(count))
    expect(Math.abs(std / 1.5e-6 - 1)).toBeLessThan(4 / Math.sqrt(2 * count))
  })

  it('quantizes targets onto the nearest level and clips them to the range', () => {
    const device = createRramDevice({ levels: 4, programmingError: 0 })
    const cells = device.doProgram(Float32Array.from([0, 2.4e-5, 2.6e-5, 9.9e-5, 1]), random)
    expectCloseToArray(cells.conductanceS, [1e-5, 1e-5, 4e-5, 1e-4, 1e-4], { rtol: 1e-6 })
  })

  it('marks stuck-on cells at maxS and stuck-off cells at minS in the requested fractions (binomial 4σ)', () => {
    const device = createRramDevice({ stuckOnFraction: 0.05, stuckOffFraction: 0.1, programmingError: 0 })
    const count = 40000
    const cells = device.doProgram(new Float32Array(count).fill(5e-5), random.stream('stuck'))
    let on = 0
    let off = 0
    cells.stuck!.forEach((code, index) => {
      if (code === StuckState.stuckHigh) {
        on++
        expect(cells.conductanceS[index]! / 1e-4).toBeCloseTo(1, 6)
      } else if (code === StuckState.stuckLow) {
        off++
        expect(cells.conductanceS[index]! / 1e-5).toBeCloseTo(1, 6)
      }
    })
    expect(Math.abs(on / count - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / count))
    expect(Math.abs(off / count - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / count))
  })

  it('keeps the device-to-device scale of the same cells across write cycles and redraws the cycle-to-cycle error', () => {
    const targets = new Float32Array(64).fill(5e-5)
    const deviceOnly = createRramDevice({ programmingError: 0, deviceToDeviceRelativeStd: 0.1 })
    const first = deviceOnly.programAtCycle(targets, random.stream('d2d'), 1)
    const later = deviceOnly.programAtCycle(targets, random.stream('d2d'), 2)
    expect(Array.from(later.conductanceS)).toEqual(Array.from(first.conductanceS))
    expect(new Set(first.conductanceS).size).toBeGreaterThan(60)
    const both = createRramDevice({ programmingError: 0.05, deviceToDeviceRelativeStd: 0.1 })
    const many = new Float32Array(4000).fill(5e-5)
    const cycleOne = both.programAtCycle(many, random.stream('d2d'), 1)
    const cycleTwo = both.programAtCycle(many, random.stream('d2d'), 2)
    expect(cycleOne.conductanceS.every((value, index) => value !== cycleTwo.conductanceS[index])).toBe(true)
    // The cycles share each device's scale: correlation 0.1²/(0.1² + 0.05²) = 0.8 (standard error (1 − ρ²)/√N ≈ 0.006).
    const mean = (values: Float32Array): number => values.reduce((sum, value) => sum + value, 0) / values.length
    const [meanOne, meanTwo] = [mean(cycleOne.conductanceS), mean(cycleTwo.conductanceS)]
    let covariance = 0
    let varianceOne = 0
    let varianceTwo = 0
    cycleOne.conductanceS.forEach((value, index) => {
      covariance += (value - meanOne) * (cycleTwo.conductanceS[index]! - meanTwo)
      varianceOne += (value - meanOne) ** 2
      varianceTwo += (cycleTwo.conductanceS[index]! - meanTwo) ** 2
    })
    expect(Math.abs(covariance / Math.sqrt(varianceOne * varianceTwo) - 0.8)).toBeLessThan(0.03)
  })

  it('wears out the same cells first: failures at an earlier cycle stay failed later', () => {
    const device = createRramDevice({ programmingError: 0, endurance: { cycles: 1e6, failedFraction: 0.3 } })
    const targets = new Float32Array(2000).fill(5e-5)
    const early = device.programAtCycle(targets, random.stream('wear-order'), 1e5)
    const late = device.programAtCycle(targets, random.stream('wear-order'), 1e6)
    early.stuck!.forEach((code, index) => {
      if (code !== 0) expect(late.stuck![index]).toBe(code)
    })
    expect(late.stuck!.filter((code) => code !== 0).length).toBeGreaterThan(early.stuck!.filter((code) => code !== 0).length)
  })

  it('wears cells out by the Weibull law pinned at paper 000 Table 1 analog: 95.5 % hold after 5e5 cycles', () => {
    const device = createRramDevice({ programmingError: 0, endurance: { cycles: 5e5, failedFraction: 0.045 } })
    expect(device.failedFractionAfterCycles(5e5)).toBeCloseTo(0.045, 12)
    expect(device.failedFractionAfterCycles(1e6)).toBeCloseTo(1 - 0.955 ** 2, 12)
    const count = 40000
    const cells = device.programAtCycle(new Float32Array(count).fill(5e-5), random.stream('wear'), 5e5)
    const failed = cells.stuck!.reduce((sum, code) => sum + (code === StuckState.stuckLow ? 1 : 0), 0)
    expect(Math.abs(failed / count - 0.045)).toBeLessThan(4 * Math.sqrt((0.045 * 0.955) / count))
  })
})

describe('rram reads', () => {
  it('cancels read disturb under alternating polarity (paper 000 §5 mitigation) and drifts under one polarity', () => {
    const device = createRramDevice({ programmingError: 0, readDisturb: { relativeDriftPerRead: 1e-5 } })
    const cells = device.doProgram(new Float32Array(8).fill(5e-5), createRandomSource(1))
    const random = createRandomSource(2)
    const disturb = device.applyReadDisturb!
    for (let round = 0; round < 50; round++) {
      disturb(cells, 100, 1, random)
      disturb(cells, 100, -1, random)
    }
    for (const value of cells.conductanceS) expect(value / 5e-5).toBeCloseTo(1, 5)
    disturb(cells, 10000, 1, random)
    for (const value of cells.conductanceS) expect(value / 5e-5).toBeCloseTo(Math.exp(0.1), 5)
    disturb(cells, 1e6, 1, random)
    for (const value of cells.conductanceS) expect(value / 1e-4).toBeCloseTo(1, 6)
    // Without a disturb law the hook is absent, so hosts skip polarity counting altogether.
    expect(createRramDevice().applyReadDisturb).toBeUndefined()
  })

  it('gives relative read noise σ = 0.03·G (paper 000 Table 1 thermal fluctuation)', () => {
    const device = createRramDevice({ readNoise: { kind: 'relative', relativeStd: 0.03 } })
    expect(device.readNoiseStdS(5e-5, 1)).toBeCloseTo(1.5e-6, 15)
    expect(createRramDevice().readNoiseStdS(5e-5, 1)).toBe(0)
  })

  it('relaxes logarithmically with one frozen trajectory per cell', () => {
    const device = createRramDevice({ programmingError: 0, retention: { meanShiftPerLnTimeS: -1e-7, spreadPerLnTimeS: 1e-7 } })
    const cells = device.doProgram(new Float32Array(20000).fill(5e-5), createRandomSource(3))
    const out = new Float32Array(cells.conductanceS.length)
    device.conductanceAtTime(cells, 1, out)
    expect(out[0]! / 5e-5).toBeCloseTo(1, 6)
    device.conductanceAtTime(cells, Math.exp(2), out)
    const mean = out.reduce((sum, value) => sum + value, 0) / out.length
    const std = Math.sqrt(out.reduce((sum, value) => sum + (value - mean) ** 2, 0) / out.length)
    expect(mean / (5e-5 - 2e-7)).toBeCloseTo(1, 4)
    expect(std / 2e-7).toBeCloseTo(1, 1)
  })
})

describe('@cimkit/device-rram plugin', () => {
  it('registers rram and measured, the types package.json provides', async () => {
    const { createRunContainer, findPackageJson, readPluginManifest } = await import('@cimkit/core')
    const manifest = readPluginManifest(findPackageJson(import.meta.url)!)!
    expect(manifest.manifest.provides).toEqual(['rram', 'measured'])
    const run = await createRunContainer({ plugins: [{ plugin: createRramPlugin(), manifest }], seed: 1 })
    expect(run.registry.types('device').sort()).toEqual(['measured', 'rram'])
    expect(run.registry.presetNames('device', 'rram')).toEqual(Object.keys(rramPresets).sort())
    await run.dispose()
  })

  it('every preset validates against the rram schema and names its source', () => {
    for (const [name, preset] of Object.entries(rramPresets)) {
      const { type, ...options } = preset.config.device as { type: string }
      expect(type, name).toBe('rram')
      expect(rramOptionsSchema.safeParse(options).success, name).toBe(true)
      expect(preset.source.length, name).toBeGreaterThan(20)
    }
  })
})
