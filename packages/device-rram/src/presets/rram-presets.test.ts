import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { analyticBitErrorRates } from '../binary/bit-error-rates.js'
import { createRramDevice } from '../create-rram-device.js'
import { normalCdf } from '@cimkit/core'
import type { RramDevice } from '../rram-device.js'
import type { RramOptions } from '../rram-options.js'
import { rramPresets } from './rram-presets.js'

function presetDevice(name: string): RramDevice {
  const { type: _type, ...options } = rramPresets[name]!.config.device as { type: string } & RramOptions
  return createRramDevice(options)
}

const relativeError = (actual: number, expected: number): number => Math.abs(actual / expected - 1)
/** σ/μ of a lognormal with log-standard-deviation s. */
const lognormalRelativeStd = (sigmaLn: number): number => Math.sqrt(Math.expm1(sigmaLn * sigmaLn))

describe('paper 000 Table 1 toy model', () => {
  it('toy-analog: variability 0.03, thermal fluctuation 0.03, yield 89.9 %, 95.5 % hold after 500 k cycles', () => {
    const device = presetDevice('toy-analog')
    expect(device.levelsS).toBeNull()
    expect(device.parameters.programmingError).toEqual({ kind: 'gaussian', relativeStd: 0.03, absoluteStdS: 0 })
    expect(device.readNoiseStdS(5e-5, 1) / 5e-5).toBeCloseTo(0.03, 12)
    expect(device.parameters.stuckOnFraction + device.parameters.stuckOffFraction).toBeCloseTo(1 - 0.899, 12)
    expect(1 - device.failedFractionAfterCycles(5e5)).toBeCloseTo(0.955, 12)
  })

  it('toy-binary: σ/μ of R 0.4 at HRS and 0.04 at LRS, yield 99 %, thermal fluctuation 0.03', () => {
    const device = presetDevice('toy-binary')
    const sigmaLn = device.parameters.programmingError.kind === 'lognormal' ? (device.parameters.programmingError.sigmaLn as number[]) : []
    expect(lognormalRelativeStd(sigmaLn[0]!)).toBeCloseTo(0.4, 12)
    expect(lognormalRelativeStd(sigmaLn[1]!)).toBeCloseTo(0.04, 12)
    expect(device.parameters.stuckOnFraction + device.parameters.stuckOffFraction).toBeCloseTo(0.01, 12)
    expect(device.readNoiseStdS(1e-4, 1) / 1e-4).toBeCloseTo(0.03, 12)
    // Table 1 "bit error rate before ECC < 1e-5" for the healthy cells, read against the midpoint reference.
    const [hrsS, lrsS] = device.levelsS as [number, number]
    const rates = analyticBitErrorRates({ medianOhm: 1 / lrsS, sigmaLn: sigmaLn[1]! }, { medianOhm: 1 / hrsS, sigmaLn: sigmaLn[0]! })
    expect(rates.singleEnded).toBeLessThan(1e-5)
    // Programmed HRS resistances: σ/μ 0.4 within 4 standard errors of a 40 000-cell sample.
    const cells = device.doProgram(new Float32Array(40000).fill(device.levelsS![0]!), createRandomSource(8))
    const resistances = Array.from(cells.conductanceS, (g, index) => (cells.stuck![index] === 0 ? 1 / g : Number.NaN)).filter(Number.isFinite)
    const mean = resistances.reduce((sum, value) => sum + value, 0) / resistances.length
    const std = Math.sqrt(resistances.reduce((sum, value) => sum + (value - mean) ** 2, 0) / resistances.length)
    expect(Math.abs(std / mean - 0.4)).toBeLessThan(0.02)
  })
})

describe('paper 004 HfO₂ 2T2R', () => {
  it('hfo2-2t2r: 130 nm, strong regime (200 µA, 2.5 V, 1 µs; 400 pJ; > 1e8 cycles), PCSA read 10 ns', () => {
    const device = presetDevice('hfo2-2t2r')
    expect(device.parameters.regime?.name).toBe('strong')
    expect(device.cost.technologyNodeNm).toBe(130)
    expect(device.cost.readPulseS).toBe(10e-9)
    expect(device.cost.writeEnergyPerPulseJ).toBe(400e-12)
    expect(device.cost.writePulseS).toBe(1e-6)
    expect(device.levelsS).toHaveLength(2)
  })
})

describe('paper 002 Winbond 90 nm cells', () => {
  it.each([
    ['winbond-binary-6k', 6e3],
    ['winbond-binary-12k', 12e3],
    ['winbond-binary-24k', 24e3],
  ])('%s: LRS %d Ω, 90 nm', (name, lrsOhm) => {
    const device = presetDevice(name)
    expect(1 / device.levelsS![1]!).toBeCloseTo(lrsOhm, 6)
    expect(device.cost.technologyNodeNm).toBe(90)
  })

  it('a higher LRS programs a wider LRS distribution (paper 002, "Higher resistance for LRS devices")', () => {
    const spreads = ['winbond-binary-6k', 'winbond-binary-12k', 'winbond-binary-24k'].map((name) => {
      const error = presetDevice(name).parameters.programmingError
      return error.kind === 'lognormal' ? (error.sigmaLn as number[])[1]! : Number.NaN
    })
    expect(spreads[1]!).toBeGreaterThan(spreads[0]!)
    expect(spreads[2]!).toBeGreaterThan(spreads[1]!)
  })

  it('winbond-2bit: four equally spaced levels, write-verify N_max 15/30/15/10', () => {
    const device = presetDevice('winbond-2bit')
    const levels = device.levelsS!
    expect(levels).toHaveLength(4)
    for (let index = 2; index < 4; index++) expect(relativeError(levels[index]! - levels[index - 1]!, levels[1]! - levels[0]!)).toBeLessThan(1e-9)
    expect(device.parameters.writeVerify?.maxIterationsPerLevel).toEqual([15, 30, 15, 10])
    expect([0, 1, 2, 3].map((level) => device.writePulsesForLevel(level))).toEqual([15, 30, 15, 10])
  })

  it('winbond-2bit: the fitted mixtures leave 0.32 / 1.32 / 0.92 / 0.44 % outside the band (paper 002, analytic to 1e-9)', () => {
    const device = presetDevice('winbond-2bit')
    const error = device.parameters.programmingError
    const halfWidth = device.parameters.writeVerify!.targetBandHalfWidthS
    if (error.kind !== 'mixture') throw new Error('expected a mixture')
    const outside = error.levels.map((level, index) =>
      level.components.reduce((sum, c) => {
        const total = level.components.reduce((weights, other) => weights + other.weight, 0)
        const center = device.levelsS![index]!
        return sum + (c.weight / total) * (normalCdf((center - halfWidth - c.meanS) / c.stdS) + normalCdf((c.meanS - center - halfWidth) / c.stdS))
      }, 0),
    )
    ;[0.0032, 0.0132, 0.0092, 0.0044].forEach((measured, index) => expect(Math.abs(outside[index]! - measured)).toBeLessThan(1e-9))
  })

  it('winbond-2bit: programming 4096 × 8 cells per level reproduces the out-of-band fractions (4 binomial σ)', () => {
    const device = presetDevice('winbond-2bit')
    const halfWidth = device.parameters.writeVerify!.targetBandHalfWidthS
    const count = 4096 * 8
    ;[0.0032, 0.0132, 0.0092, 0.0044].forEach((measured, level) => {
      const target = device.levelsS![level]!
      const cells = device.doProgram(new Float32Array(count).fill(target), createRandomSource(9).stream('level', level))
      const outside = cells.conductanceS.reduce((sum, g) => sum + (Math.abs(g - target) > halfWidth ? 1 : 0), 0) / count
      expect(Math.abs(outside - measured)).toBeLessThan(4 * Math.sqrt((measured * (1 - measured)) / count))
    })
  })
})

describe('accelerator cells (survey Table III)', () => {
  it('isaac-2bit: 4 levels, 2 kΩ–2 MΩ, 32 nm, 25 µm² per 128×128 crossbar', () => {
    const device = presetDevice('isaac-2bit')
    expect(device.levelsS).toHaveLength(4)
    expect(1 / device.conductanceRangeS.maxS).toBeCloseTo(2e3, 6)
    expect(1 / device.conductanceRangeS.minS).toBeCloseTo(2e6, 3)
    expect(device.cost.technologyNodeNm).toBe(32)
    expect((device.cost.cellAreaF2 * 128 * 128 * 32 ** 2) / 1e6).toBeCloseTo(25, 9)
  })

  it('puma-2bit: 4 levels, 100 kΩ–1 MΩ, 32 nm', () => {
    const device = presetDevice('puma-2bit')
    expect(device.levelsS).toHaveLength(4)
    expect(1 / device.conductanceRangeS.maxS).toBeCloseTo(100e3, 4)
    expect(1 / device.conductanceRangeS.minS).toBeCloseTo(1e6, 3)
    expect(device.cost.technologyNodeNm).toBe(32)
  })

  it('prime-4bit: 16 levels, 1–20 kΩ, 65 nm', () => {
    const device = presetDevice('prime-4bit')
    expect(device.levelsS).toHaveLength(16)
    expect(1 / device.conductanceRangeS.maxS).toBeCloseTo(1e3, 6)
    expect(1 / device.conductanceRangeS.minS).toBeCloseTo(20e3, 6)
    expect(device.cost.technologyNodeNm).toBe(65)
  })
})

describe('aihwkit ReRamCMONoiseModel (anchor-aihwkit.md §6.4)', () => {
  const device = presetDevice('aihwkit-reram')

  it('G 9.0–88.2 µS, σ_prog = 0.00081107 + 0.00106879·G µS', () => {
    expect(device.conductanceRangeS.minS).toBeCloseTo(9.0e-6, 15)
    expect(device.conductanceRangeS.maxS).toBeCloseTo(88.2e-6, 15)
    const cells = device.doProgram(new Float32Array(40000).fill(50e-6), createRandomSource(10))
    const mean = cells.conductanceS.reduce((sum, value) => sum + value, 0) / cells.conductanceS.length
    const std = Math.sqrt(cells.conductanceS.reduce((sum, value) => sum + (value - mean) ** 2, 0) / cells.conductanceS.length)
    expect(relativeError(std, (0.00081107 + 0.00106879 * 50) * 1e-6)).toBeLessThan(0.03)
  })

  it.each([
    [60, -0.36, 0.58, 0.2],
    [3600, -0.73, 0.76, 0.22],
    [86400, -1.01, 0.89, 0.23],
  ])('at t = %d s and G = 50 µS: mean shift %f µS, σ_relax %f µS, σ_read %f µS (anchor-aihwkit.md §6.4 examples, 2 decimals)', (timeS, shiftMicro, relaxMicro, readMicro) => {
    const count = 40000
    const cells = { conductanceS: new Float32Array(count).fill(50e-6), extra: { retentionNormal: new Float32Array(count) } }
    createRandomSource(11).fillNormal(cells.extra.retentionNormal)
    const out = new Float32Array(count)
    device.conductanceAtTime(cells, timeS, out)
    const mean = out.reduce((sum, value) => sum + value, 0) / count
    const std = Math.sqrt(out.reduce((sum, value) => sum + (value - mean) ** 2, 0) / count)
    expect(Math.abs((mean - 50e-6) * 1e6 - shiftMicro)).toBeLessThan(0.01)
    expect(Math.abs(std * 1e6 - relaxMicro)).toBeLessThan(0.015)
    expect(Math.abs(device.readNoiseStdS(50e-6, timeS) * 1e6 - readMicro)).toBeLessThan(0.006)
  })
})
