import { createRandomSource } from '@cimkit/core'
import { describeDeviceConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { CHECKERBOARD, lognormalBinaryDevice, pcsaDouble, PCSA_SIGMA_LN } from '../__fixtures__/paper-004-doubles.js'
import { HammingCode } from '../reliability/hamming-code.js'
import { idealDifferentialBitErrorRate, storageBitErrorRates } from '../reliability/storage-bit-error-rates.js'
import { programBinaryWeights, weightBitErrorRate } from './binary-weight-store.js'
import type { BinaryStorageHardware, WeightStorage } from './binary-weight-store.js'

// The device double must itself honour the device contract before it stands for paper 004's cells.
describeDeviceConformance('paper-004 lognormal binary device double', { create: () => lognormalBinaryDevice() })

function randomSigns(count: number, seed: number): Float32Array {
  const random = createRandomSource(seed)
  return Float32Array.from({ length: count }, () => (random.nextUniform() < 0.5 ? -1 : 1))
}

function measure(signs: Float32Array, storage: WeightStorage, hardware: BinaryStorageHardware, seed: number): number {
  const random = createRandomSource(seed)
  const store = programBinaryWeights(signs, storage, hardware, random.stream('program'))
  return weightBitErrorRate(signs, store.read(random.stream('read')))
}

/** Four binomial standard deviations of a rate p measured on `count` bits. */
function tolerance(p: number, count: number): number {
  return 4 * Math.sqrt((p * (1 - p)) / count)
}

describe('binary weight storage on the same device distributions (paper 004 §3.1)', () => {
  const checkerboard = storageBitErrorRates(
    { medianOhm: CHECKERBOARD.lrsMedianOhm, sigmaLn: CHECKERBOARD.sigmaLn },
    { medianOhm: CHECKERBOARD.hrsMedianOhm, sigmaLn: CHECKERBOARD.sigmaLn },
    PCSA_SIGMA_LN,
  )

  it('paper 004 §3.1 checkerboard: 1T1R against a midpoint reference 1.2 %, 2T2R through the PCSA 0.2 % (Monte Carlo, 100k bits)', () => {
    const count = 100_000
    const signs = randomSigns(count, 1)
    const device = lognormalBinaryDevice()
    const singleEnded = measure(signs, { type: '1t1r' }, { device, senseAmp: null }, 2)
    const differential = measure(signs, { type: '2t2r' }, { device, senseAmp: pcsaDouble() }, 2)
    expect(Math.abs(singleEnded - checkerboard.singleEnded1t1r)).toBeLessThan(tolerance(0.012, count))
    expect(Math.abs(differential - checkerboard.differential2t2r)).toBeLessThan(tolerance(0.002, count))
    expect(Math.abs(singleEnded - 0.012)).toBeLessThan(tolerance(0.012, count) + 5e-4)
    expect(Math.abs(differential - 0.002)).toBeLessThan(tolerance(0.002, count) + 2e-4)
  })

  it('2T2R ≪ 1T1R ≈ SECDED(8,4)-protected 1T1R ≈ ideal-PCSA 2T2R at the same redundancy (paper 004 Fig. 8; 1M data bits)', () => {
    // A window where 1T1R reads 5e-3: Δ/(2σ) = Φ⁻¹(1 − 5e-3) = 2.5758 with σ = 0.5.
    const device = lognormalBinaryDevice({ lrsMedianOhm: 5000, hrsMedianOhm: 5000 * Math.exp(2.5758), sigmaLn: 0.5 })
    const count = 1_000_000
    const signs = randomSigns(count, 3)
    const singleEnded = measure(signs, { type: '1t1r' }, { device, senseAmp: null }, 4)
    const idealPair = measure(signs, { type: '2t2r' }, { device, senseAmp: null }, 4)
    const secded = measure(signs, { type: '1t1r-ecc', code: new HammingCode(4, true) }, { device, senseAmp: null }, 4)
    expect(Math.abs(singleEnded - 5e-3)).toBeLessThan(tolerance(5e-3, count))
    const expectedPair = idealDifferentialBitErrorRate(5e-3) // 1.35e-4
    expect(Math.abs(idealPair - expectedPair)).toBeLessThan(tolerance(expectedPair, count))
    expect(idealPair).toBeLessThan(singleEnded / 20)
    expect(secded).toBeLessThan(singleEnded / 20)
    // counts ~135 and ~175: log-ratio σ ≈ 0.12, so a factor 2 is > 3.5σ from the expected 1.3
    expect(secded / idealPair).toBeGreaterThan(0.5)
    expect(secded / idealPair).toBeLessThan(2)
  })

  it('a 2T2R pair read through the XNOR path returns XNOR(input, weight) for every pair of a clean window', () => {
    const device = lognormalBinaryDevice({ lrsMedianOhm: 2000, hrsMedianOhm: 2000 * Math.exp(6), sigmaLn: 0.2 })
    const signs = randomSigns(2000, 5)
    const inputs = Int8Array.from(randomSigns(2000, 6))
    const store = programBinaryWeights(signs, { type: '2t2r' }, { device, senseAmp: pcsaDouble() }, createRandomSource(7))
    const agree = store.readXnor!(inputs, createRandomSource(8))
    for (let index = 0; index < signs.length; index++) expect(agree[index]).toBe(signs[index]! * inputs[index]!)
    expect(store.devices).toBe(4000)
  })

  it('counts devices: 2 per bit (2T2R), 1 (1T1R), n/k per codeword (ECC, last word padded)', () => {
    const device = lognormalBinaryDevice()
    const signs = randomSigns(10, 9)
    const random = createRandomSource(10)
    expect(programBinaryWeights(signs, { type: '2t2r' }, { device, senseAmp: null }, random).devices).toBe(20)
    expect(programBinaryWeights(signs, { type: '1t1r' }, { device, senseAmp: null }, random).devices).toBe(10)
    expect(programBinaryWeights(signs, { type: '1t1r-ecc', code: new HammingCode(4, true) }, { device, senseAmp: null }, random).devices).toBe(24)
    expect(() => weightBitErrorRate(signs, new Int8Array(3))).toThrow()
  })
})
