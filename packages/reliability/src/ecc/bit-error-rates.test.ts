import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { exactResidualBitErrorRate, residualBitErrorRate, twoTransistorTwoResistorBitErrorRate } from './bit-error-rates.js'
import { HammingCode } from './hamming-code.js'

const relative = (actual: number, expected: number): number => Math.abs(actual / expected - 1)

describe('residual bit-error rates', () => {
  it('seed-002-004 B.1.7: SECDED(8,4) leaves ≈ 7p² (closed form)', () => {
    for (const p of [1e-2, 1e-3, 1e-4]) expect(relative(residualBitErrorRate({ length: 8, kind: 'secded' }, p), 7 * p * p)).toBeLessThan(0.04)
  })

  it('SEC(7,4) leaves ≈ 3(n−1)p²/2 = 9p²: a miscorrection adds a third error', () => {
    for (const p of [1e-3, 1e-4]) expect(relative(residualBitErrorRate({ length: 7, kind: 'sec' }, p), 9 * p * p)).toBeLessThan(0.01)
  })

  it('the closed forms match the exact enumeration of our decoders at small p', () => {
    for (const [dataBits, kind] of [[4, 'secded'], [4, 'sec'], [11, 'sec'], [11, 'secded']] as const) {
      const code = new HammingCode(dataBits, kind)
      expect(relative(exactResidualBitErrorRate(code, 1e-4), residualBitErrorRate(code, 1e-4))).toBeLessThan(0.01)
    }
  })

  it('a longer code of the same kind corrects less: SECDED(72,64) leaves ≈ 71p², ten times SECDED(8,4)', () => {
    const p = 1e-4
    expect(relative(residualBitErrorRate({ length: 72, kind: 'secded' }, p), 71 * p * p)).toBeLessThan(0.01)
    expect(residualBitErrorRate({ length: 72, kind: 'secded' }, p)).toBeGreaterThan(9 * residualBitErrorRate({ length: 8, kind: 'secded' }, p))
  })
})

describe('2T2R vs SECDED (paper 004, Hirtzlin et al. 2020, Fig. 8)', () => {
  it('seed-002-004 B.1.2: 2T2R BER 1e-8 corresponds to 1T1R 3.6e-5 ("four orders of magnitude")', () => {
    expect(relative(twoTransistorTwoResistorBitErrorRate(3.6e-5), 1e-8)).toBeLessThan(0.03)
  })

  it('seed-002-004 B.1.2: 1T1R 1.2 % → ideal 2T2R 7.1e-4, and 2.0e-3 with PCSA noise σ_SA/σ = 0.68 (paper 004 measured 0.2 %)', () => {
    expect(relative(twoTransistorTwoResistorBitErrorRate(0.012), 7.1e-4)).toBeLessThan(0.01)
    expect(relative(twoTransistorTwoResistorBitErrorRate(0.012, 0.34 / 0.5), 2e-3)).toBeLessThan(0.01)
  })

  it('Monte Carlo of log-normal LRS/HRS cells (σ_lnR 0.5, Δ 2.257, σ_SA 0.34) reproduces 1T1R 1.2 % and 2T2R 0.2 % (paper 004 checkerboard)', () => {
    const random = createRandomSource(21)
    const samples = 2_000_000
    const sigma = 0.5
    const delta = 2.257
    let single = 0
    let pair = 0
    for (let sample = 0; sample < samples; sample++) {
      const lowResistance = sigma * random.nextNormal()
      const highResistance = delta + sigma * random.nextNormal()
      // 1T1R: one device against the mid-way reference (half the bits are LRS, half HRS).
      if (sample % 2 === 0 ? lowResistance > delta / 2 : highResistance < delta / 2) single++
      // 2T2R: the PCSA compares the pair, with decision noise σ_SA in ln(R1/R2).
      if (highResistance - lowResistance + 0.34 * random.nextNormal() < 0) pair++
    }
    const tolerance = (p: number) => 4 * Math.sqrt(p / samples) / p
    expect(relative(single / samples, 0.012)).toBeLessThan(tolerance(0.012) + 0.01)
    expect(relative(pair / samples, twoTransistorTwoResistorBitErrorRate(single / samples, 0.34 / sigma))).toBeLessThan(tolerance(2e-3) + 0.02)
    expect(relative(pair / samples, 2e-3)).toBeLessThan(tolerance(2e-3) + 0.02)
  })

  it('seed-002-004 B.1.7: SECDED(8,4) ≈ ideal 2T2R at equal redundancy (7e-4 vs 5.0e-4, 7e-6 vs 6.2e-6, 7e-8 vs 7.2e-8)', () => {
    const cases = [
      [1e-2, 6.8e-4, 5.0e-4],
      [1e-3, 7.0e-6, 6.2e-6],
      [1e-4, 7.0e-8, 7.2e-8],
    ] as const
    for (const [p, secded, pair] of cases) {
      expect(relative(residualBitErrorRate({ length: 8, kind: 'secded' }, p), secded)).toBeLessThan(0.01)
      expect(relative(twoTransistorTwoResistorBitErrorRate(p), pair)).toBeLessThan(0.01)
      // "very similar": within a factor 1.5 of each other over two decades of raw BER.
      expect(Math.abs(Math.log(residualBitErrorRate({ length: 8, kind: 'secded' }, p) / twoTransistorTwoResistorBitErrorRate(p)))).toBeLessThan(Math.log(1.5))
    }
  })
})
