import { createRandomSource } from '@cimkit/core'
import { describeOutputConverterConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { normalCdf as standardNormalCdf } from '@cimkit/core'
import { createPrechargeSenseAmp, pcsaErrorProbability, prechargeSenseAmpOptionsSchema } from './precharge-sense-amp.js'
import { offsetSupplyFactor } from './sense-amp-physics.js'
import { createSenseAmpFlash, createVoltageSenseAmp, senseAmpFlashOptionsSchema, voltageSenseAmpOptionsSchema } from './sense-amp-types.js'

describeOutputConverterConformance('pcsa', {
  create: () => createPrechargeSenseAmp('pcsa'),
  registration: { optionsSchema: prechargeSenseAmpOptionsSchema },
  invalidOptions: [{ options: { decisionNoiseStdLn: -0.1 }, path: 'decisionNoiseStdLn' }],
  noiseless: false,
})
describeOutputConverterConformance('pcsa (noiseless)', { create: () => createPrechargeSenseAmp('pcsa', { decisionNoiseStdLn: 0 }) })
describeOutputConverterConformance('pcsa-xnor', { create: () => createPrechargeSenseAmp('pcsa-xnor'), noiseless: false })
describeOutputConverterConformance('voltage-sa', {
  create: () => createVoltageSenseAmp(),
  registration: { optionsSchema: voltageSenseAmpOptionsSchema },
  invalidOptions: [
    { options: { reference: 1.5 }, path: 'reference' },
    { options: { swingLowFraction: 0.8, swingHighFraction: 0.2 }, path: 'swingHighFraction' },
    { options: { supplyV: 0.3 }, path: 'supplyV' },
  ],
  noiseless: false,
})
describeOutputConverterConformance('voltage-sa (noiseless)', { create: () => createVoltageSenseAmp({ noiseStdV: 0, offsetStdV: 0 }) })
describeOutputConverterConformance('sa-flash (3-bit)', {
  create: () => createSenseAmpFlash(),
  registration: { optionsSchema: senseAmpFlashOptionsSchema },
  invalidOptions: [{ options: { bits: 2, references: [0.5] }, path: 'references' }],
  noiseless: false,
})

describe('precharge sense amplifier (paper 004)', () => {
  it('paper 004 §2: errors only when the two resistances differ by less than ×5', () => {
    expect(pcsaErrorProbability(5)).toBeLessThan(2e-6)
    expect(pcsaErrorProbability(10)).toBeLessThan(1e-11)
    expect(pcsaErrorProbability(2)).toBeCloseTo(standardNormalCdf(-Math.log(2) / 0.34), 12)
    expect(pcsaErrorProbability(2)).toBeGreaterThan(0.01)
    expect(pcsaErrorProbability(1)).toBeCloseTo(0.5, 6)
    expect(pcsaErrorProbability(1 / 3)).toBeCloseTo(pcsaErrorProbability(3), 15)
  })

  it('Monte Carlo reads match Φ(−ln r/σ): ratio 2 ≈ 2 %, ratio 5 error-free (100 000 reads each)', () => {
    const sense = createPrechargeSenseAmp('pcsa')
    const count = 100000
    for (const [ratio, seed] of [[2, 1], [3, 2], [5, 3]] as const) {
      const low = new Float32Array(count).fill(1 / 1e4)
      const high = new Float32Array(count).fill(1 / (ratio * 1e4))
      const out = new Uint8Array(count)
      sense.readPairs(low, high, 100, createRandomSource(seed), out)
      const errors = out.filter((bit) => bit === 0).length
      const expected = pcsaErrorProbability(ratio) * count
      expect(Math.abs(errors - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected) + 2)
    }
  })

  it('paper 004: with σ_lnR 0.5 and median HRS/LRS 9.6, a 1T1R read errs 1.2 % and the 2T2R PCSA 0.2 %', () => {
    const count = 200000
    const random = createRandomSource(8)
    const lowLn = new Float32Array(count)
    const highLn = new Float32Array(count)
    random.stream('lrs').fillNormal(lowLn, 0, 0.5)
    random.stream('hrs').fillNormal(highLn, 2.257, 0.5)
    // 1T1R: one device against a reference at the midpoint of the two log-medians.
    let singleEnded = 0
    for (let index = 0; index < count; index++) if (lowLn[index]! > 2.257 / 2) singleEnded++
    const lrsConductance = lowLn.map((ln) => Math.exp(-ln))
    const hrsConductance = highLn.map((ln) => Math.exp(-ln))
    const out = new Uint8Array(count)
    createPrechargeSenseAmp('pcsa').readPairs(lrsConductance, hrsConductance, 1, random.stream('read'), out)
    const differential = out.filter((bit) => bit === 0).length
    expect(singleEnded / count).toBeCloseTo(0.012, 3)
    const expected = standardNormalCdf(-2.257 / Math.sqrt(2 * 0.25 + 0.34 ** 2))
    expect(expected).toBeCloseTo(0.002, 3)
    expect(Math.abs(differential / count - expected)).toBeLessThan(4 * Math.sqrt(expected / count))
  })

  it('XNOR-PCSA returns XNOR(input, stored bit) in one read', () => {
    const sense = createPrechargeSenseAmp('pcsa-xnor', { decisionNoiseStdLn: 0 })
    const a = new Float32Array([1e-4, 1e-4, 1e-5, 1e-5])
    const b = new Float32Array([1e-5, 1e-5, 1e-4, 1e-4])
    const inputs = new Uint8Array([1, 0, 1, 0])
    const out = new Uint8Array(4)
    sense.readPairs(a, b, 1, createRandomSource(1), out, inputs)
    expect(Array.from(out)).toEqual([1, 0, 0, 1])
    expect(() => createPrechargeSenseAmp('pcsa').readPairs(a, b, 1, createRandomSource(1), out, inputs)).toThrow()
  })

  it('convert reads the normalised differential conductance: range ±(G_a + G_b), value G_a − G_b', () => {
    const sense = createPrechargeSenseAmp('pcsa')
    const count = 50000
    const sum = 1e-4 + 1e-4 / 2
    const values = new Float32Array(count).fill(1e-4 - 1e-4 / 2) // ratio 2 pair, a wins ideally
    const out = new Float32Array(count)
    sense.convert(values, 50, { min: -sum, max: sum }, createRandomSource(2), out)
    const errors = out.filter((value) => value < 0).length
    const expected = pcsaErrorProbability(2) * count
    expect(Math.abs(errors - expected)).toBeLessThan(4 * Math.sqrt(expected))
  })
})

describe('voltage sense amplifiers (paper 002)', () => {
  it('the offset law σ ∝ 1/(V_DD − V_T) doubles σ from 1.2 V to 0.8 V with V_T = 0.4 V', () => {
    const physics = { supplyV: 0.8, nominalSupplyV: 1.2, thresholdVoltageV: 0.4, offsetStdV: 1e-3, noiseStdV: 0, swingLowFraction: 0.25, swingHighFraction: 0.75 }
    expect(offsetSupplyFactor(physics)).toBeCloseTo(2, 12)
    expect(() => offsetSupplyFactor({ ...physics, supplyV: 0.3 })).toThrow()
    // σ in range units grows as 1/(V_DD·(V_DD − V_T)): ×3 from 1.2 V to 0.8 V.
    expect(createVoltageSenseAmp({ supplyV: 0.8 }).decisionStdFraction / createVoltageSenseAmp({ supplyV: 1.2 }).decisionStdFraction).toBeCloseTo(3, 9)
  })

  it('a noiseless SA flash is a uniform 3-bit quantizer; a noiseless SA is a comparator at its reference', () => {
    const values = new Float32Array([-1, -0.3, 0.1, 0.2, 0.99])
    const flash = new Float32Array(5)
    createSenseAmpFlash({ offsetStdV: 0, noiseStdV: 0 }).convert(values, 1, { min: -1, max: 1 }, createRandomSource(1), flash)
    expect(Array.from(flash).map((value) => Math.round(((value + 1) / 2) * 7))).toEqual([0, 2, 4, 4, 7])
    const sign = new Float32Array(5)
    createVoltageSenseAmp({ offsetStdV: 0, noiseStdV: 0, reference: 0.55 }).convert(values, 1, { min: -1, max: 1 }, createRandomSource(1), sign)
    expect(Array.from(sign)).toEqual([-1, -1, 1, 1, 1])
  })

  it('the SA flash costs 2^B − 1 SAs, the one-reference SA one (paper 002: ADC area ÷ 7)', () => {
    const flash = createSenseAmpFlash()
    const single = createVoltageSenseAmp()
    expect(flash.cost.areaMm2 / single.cost.areaMm2).toBeCloseTo(7, 9)
    expect(flash.cost.energyPerActionJ['convert']! / single.cost.energyPerActionJ['convert']!).toBeCloseTo(7, 9)
    const low = createVoltageSenseAmp({ supplyV: 0.8 })
    expect(low.cost.energyPerActionJ['convert']! / single.cost.energyPerActionJ['convert']!).toBeCloseTo((0.8 / 1.2) ** 2, 9)
  })
})
