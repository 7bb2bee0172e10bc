import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { createRramDevice } from '../create-rram-device.js'
import { normalCdf, normalQuantile } from '@cimkit/core'
import { analyticBitErrorRates, simulateBitErrorRates } from './bit-error-rates.js'
import { hfo2ProgrammingRegimes, PCSA_DECISION_SIGMA_LN } from './hfo2-programming-regimes.js'
import { hfo2RegimeBitErrorRates } from './regime-bit-error-rates.js'

const checkerboard = hfo2ProgrammingRegimes.find((regime) => regime.name === 'checkerboard')!
const lrs = { medianOhm: checkerboard.lrsMedianOhm, sigmaLn: checkerboard.sigmaLn }
const hrs = { medianOhm: checkerboard.hrsMedianOhm, sigmaLn: checkerboard.sigmaLn }
const relative = (actual: number, expected: number): number => Math.abs(actual / expected - 1)

describe('paper 004: 1T1R vs 2T2R bit error rates from the same distributions', () => {
  it('paper 004 §3 checkerboard: 1T1R 1.2 % → 2T2R 0.2 % with the PCSA (analytic, within 5 %)', () => {
    const rates = analyticBitErrorRates(lrs, hrs, { pcsaSigmaLn: PCSA_DECISION_SIGMA_LN })
    expect(relative(rates.singleEnded, 1.2e-2)).toBeLessThan(0.05)
    expect(relative(rates.differential, 2e-3)).toBeLessThan(0.05)
    expect(rates.referenceOhm).toBeCloseTo(Math.sqrt(lrs.medianOhm * hrs.medianOhm), 6)
  })

  it('paper 004 Fig. 8(a): with an ideal PCSA, 2T2R BER 1e-8 pairs with 1T1R 3.6e-5, three to four decades higher', () => {
    // Ideal PCSA, equal σ: BER_2T2R = Φ(√2·Φ⁻¹(BER_1T1R)) (seed-002-004.md B.1.2).
    const separation = -2 * normalQuantile(3.6e-5) * 0.5
    const rates = analyticBitErrorRates({ medianOhm: 1e4, sigmaLn: 0.5 }, { medianOhm: 1e4 * Math.exp(separation), sigmaLn: 0.5 })
    expect(relative(rates.singleEnded, 3.6e-5)).toBeLessThan(1e-3)
    expect(relative(rates.differential, 1e-8)).toBeLessThan(0.05)
    expect(Math.log10(rates.singleEnded / rates.differential)).toBeGreaterThan(3.5)
    expect(rates.differential).toBeCloseTo(normalCdf(Math.SQRT2 * normalQuantile(rates.singleEnded)), 12)
  })

  it('2T2R is always below 1T1R and the gap widens in decades as devices get better (paper 004 Fig. 8(a) trend)', () => {
    let previousGap = 0
    for (const separation of [1, 2, 3, 4, 5, 6]) {
      const rates = analyticBitErrorRates({ medianOhm: 1e4, sigmaLn: 0.5 }, { medianOhm: 1e4 * Math.exp(separation), sigmaLn: 0.5 })
      const gap = Math.log10(rates.singleEnded / rates.differential)
      expect(rates.differential).toBeLessThan(rates.singleEnded)
      expect(gap).toBeGreaterThan(previousGap)
      previousGap = gap
    }
  })

  it('SECDED(8,4) ≈ ideal 2T2R at equal redundancy (paper 004 Fig. 8(b,c)): 7p² vs Φ(√2·Φ⁻¹(p)) within a factor 1.5', () => {
    for (const p of [1e-2, 1e-3, 1e-4]) {
      const twoTransistor = normalCdf(Math.SQRT2 * normalQuantile(p))
      expect(Math.abs(Math.log(twoTransistor / (7 * p * p)))).toBeLessThan(Math.log(1.5))
    }
  })

  it('Monte Carlo on the hfo2-2t2r device in the checkerboard regime reproduces 1.2 % and 0.2 % (4 binomial σ)', () => {
    const device = createRramDevice({ programmingConditions: { setComplianceCurrentA: 55e-6, resetVoltageV: 2.5, pulseWidthS: 1e-6 } })
    const bits = 100000
    const rates = simulateBitErrorRates(device, bits, createRandomSource(4), { pcsaSigmaLn: PCSA_DECISION_SIGMA_LN })
    const expected = analyticBitErrorRates(lrs, hrs, { pcsaSigmaLn: PCSA_DECISION_SIGMA_LN })
    expect(Math.abs(rates.singleEnded - expected.singleEnded)).toBeLessThan(4 * Math.sqrt((expected.singleEnded * (1 - expected.singleEnded)) / (2 * bits)))
    expect(Math.abs(rates.differential - expected.differential)).toBeLessThan(4 * Math.sqrt((expected.differential * (1 - expected.differential)) / bits))
    expect(relative(rates.singleEnded, 1.2e-2)).toBeLessThan(0.1)
    expect(relative(rates.differential, 2e-3)).toBeLessThan(0.3)
  })

  it('rejects a device that is not binary', () => {
    expect(() => simulateBitErrorRates(createRramDevice({ levels: 4 }), 10, createRandomSource(1))).toThrow(/binary/)
  })
})

describe('paper 004 Table 1 regimes', () => {
  it.each(hfo2ProgrammingRegimes.filter((regime) => regime.name !== 'checkerboard'))('$name: 2T2R BER at or below the Table 1 bound with the PCSA', (regime) => {
    const rates = analyticBitErrorRates({ medianOhm: regime.lrsMedianOhm, sigmaLn: regime.sigmaLn }, { medianOhm: regime.hrsMedianOhm, sigmaLn: regime.sigmaLn }, { pcsaSigmaLn: PCSA_DECISION_SIGMA_LN })
    expect(rates.differential).toBeLessThanOrEqual(regime.measuredBitErrorRate2t2r * (1 + 1e-6))
    expect(rates.differential).toBeGreaterThan(regime.measuredBitErrorRate2t2r * 0.9)
  })

  it('Table 1 conditions, energies and cyclability as printed', () => {
    const byName = Object.fromEntries(hfo2ProgrammingRegimes.map((regime) => [regime.name, regime]))
    expect([byName.strong!.setComplianceCurrentA, byName.strong!.resetVoltageV, byName.strong!.pulseWidthS]).toEqual([200e-6, 2.5, 1e-6])
    expect([byName.endurance!.setComplianceCurrentA, byName.endurance!.resetVoltageV, byName.endurance!.pulseWidthS]).toEqual([200e-6, 1.5, 1e-6])
    expect([byName.energy!.setComplianceCurrentA, byName.energy!.resetVoltageV, byName.energy!.pulseWidthS]).toEqual([200e-6, 2, 100e-9])
    expect([byName.strong!.writeEnergyPerPulseJ, byName.endurance!.writeEnergyPerPulseJ, byName.energy!.writeEnergyPerPulseJ]).toEqual([400e-12, 400e-12, 30e-12])
    expect([byName.strong!.cyclability, byName.endurance!.cyclability, byName.energy!.cyclability]).toEqual([1e8, 1e10, 1e8])
    // SET energy V·I·t = 2 V × 200 µA × 1 µs = 400 pJ, the upper end of "200–400 pJ" (seed-002-004.md B.1.1).
    expect(2 * byName.strong!.setComplianceCurrentA * byName.strong!.pulseWidthS).toBeCloseTo(byName.strong!.writeEnergyPerPulseJ, 18)
  })

  it('programming conditions set the device: distributions, write energy, pulse and endurance', () => {
    const device = createRramDevice({ programmingConditions: { setComplianceCurrentA: 200e-6, resetVoltageV: 2, pulseWidthS: 100e-9 } })
    const energy = hfo2ProgrammingRegimes.find((regime) => regime.name === 'energy')!
    expect(device.levelsS).toEqual([1 / energy.hrsMedianOhm, 1 / energy.lrsMedianOhm])
    expect(device.cost.writeEnergyPerPulseJ).toBe(30e-12)
    expect(device.cost.writePulseS).toBe(100e-9)
    expect(device.parameters.aging).toEqual(energy.aging)
    expect(() => createRramDevice({ programmingConditions: { setComplianceCurrentA: 100e-6, resetVoltageV: 2, pulseWidthS: 1e-6 } })).toThrow(/characterised only/)
  })
})

describe('paper 004 aging: bit error rates against write cycles', () => {
  const regime = (name: string) => hfo2ProgrammingRegimes.find((candidate) => candidate.name === name)!

  it('Fig. 6 (strong): 1T1R passes 1e-3 after a few million cycles, 2T2R stays below 1e-3 over 7e8', () => {
    const strong = regime('strong')
    expect(hfo2RegimeBitErrorRates(strong, 1e6).singleEnded).toBeLessThan(1e-3)
    expect(hfo2RegimeBitErrorRates(strong, 1e7).singleEnded).toBeGreaterThan(1e-3)
    expect(hfo2RegimeBitErrorRates(strong, 7e8).differential).toBeLessThan(1e-3)
    // "per-device BER rises by several orders of magnitude" over the 7e8 cycles
    expect(Math.log10(hfo2RegimeBitErrorRates(strong, 7e8).singleEnded / hfo2RegimeBitErrorRates(strong, 0).singleEnded)).toBeGreaterThan(2)
  })

  it('Table 1 cyclability (cycles at 2T2R BER < 1e-3): strong > 1e8, energy ≥ 1e8, endurance > 1e10 with BER < 1e-4 up to 5e10 (Fig. 7)', () => {
    expect(hfo2RegimeBitErrorRates(regime('strong'), 1e8).differential).toBeLessThan(1e-3)
    expect(hfo2RegimeBitErrorRates(regime('energy'), 1e8).differential).toBeLessThanOrEqual(1e-3 * (1 + 1e-6))
    expect(hfo2RegimeBitErrorRates(regime('energy'), 1e9).differential).toBeGreaterThan(1e-3)
    expect(hfo2RegimeBitErrorRates(regime('endurance'), 5e10).differential).toBeLessThanOrEqual(1e-4 * (1 + 1e-6))
  })

  it('Monte Carlo: the hfo2-2t2r device programmed at cycle 7e8 matches the analytic aged rates (4 binomial σ)', () => {
    const device = createRramDevice({ programmingConditions: { setComplianceCurrentA: 200e-6, resetVoltageV: 2.5, pulseWidthS: 1e-6 } })
    const bits = 100000
    const simulated = simulateBitErrorRates(device, bits, createRandomSource(21), { pcsaSigmaLn: PCSA_DECISION_SIGMA_LN, cycle: 7e8 })
    const expected = hfo2RegimeBitErrorRates(regime('strong'), 7e8)
    expect(Math.abs(simulated.singleEnded - expected.singleEnded)).toBeLessThan(4 * Math.sqrt((expected.singleEnded * (1 - expected.singleEnded)) / (2 * bits)))
    expect(Math.abs(simulated.differential - expected.differential)).toBeLessThan(4 * Math.sqrt((expected.differential * (1 - expected.differential)) / bits))
    expect(simulated.differential).toBeLessThan(simulated.singleEnded)
  })
})
