import { createRandomSource } from '@cimkit/core'
import type { RandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { referencesFromQuantiles } from '../calibration/quantile-references.js'
import { createSenseAmpFlash, createVoltageSenseAmp } from './sense-amp-types.js'

/** Paper 002's input-split conv groups: 63 XNOR products (7 channels × 3×3), so bit counts are odd. */
const ROWS = 63
const RANGE = { min: -ROWS, max: ROWS }

/** Bit counts Σ x·w of random ±1 products, the partial sums paper 002's readout digitises. */
function xnorPartialSums(count: number, random: RandomSource): Float32Array {
  const sums = new Float32Array(count)
  for (let index = 0; index < count; index++) {
    let sum = 0
    for (let row = 0; row < ROWS; row++) sum += random.nextUint32() & 1 ? 1 : -1
    sums[index] = sum
  }
  return sums
}

function errorRate(actual: Float32Array, ideal: Float32Array): number {
  let errors = 0
  for (let index = 0; index < actual.length; index++) if (actual[index] !== ideal[index]) errors++
  return errors / actual.length
}

describe('paper 002 Fig. 5/7 trend: supply scaling of a 3-bit SA flash vs a one-reference SA', () => {
  const columns = 64
  const count = columns * 400
  const sums = xnorPartialSums(count, createRandomSource(2).stream('sums'))
  // Nonlinear references where partial sums are dense (paper 002 after Sun et al., DATE 2018).
  const references = referencesFromQuantiles(xnorPartialSums(20000, createRandomSource(2).stream('calibration')), 3, RANGE)
  const noiseless = { offsetStdV: 0, noiseStdV: 0 }
  const idealFlash = new Float32Array(count)
  createSenseAmpFlash({ references, ...noiseless }).convert(sums, columns, RANGE, createRandomSource(0), idealFlash)
  const idealSign = new Float32Array(count)
  createVoltageSenseAmp(noiseless).convert(sums, columns, RANGE, createRandomSource(0), idealSign)

  const rates = (supplyV: number): { flash: number; sign: number } => {
    const flashOut = new Float32Array(count)
    createSenseAmpFlash({ references, supplyV }).convert(sums, columns, RANGE, createRandomSource(5).stream('flash', supplyV), flashOut)
    const signOut = new Float32Array(count)
    createVoltageSenseAmp({ supplyV }).convert(sums, columns, RANGE, createRandomSource(5).stream('sign', supplyV), signOut)
    return { flash: errorRate(flashOut, idealFlash), sign: errorRate(signOut, idealSign) }
  }

  it('flash-ADC code errors grow as the supply falls from 1.2 V to 0.8 V; the one-reference SA stays accurate', () => {
    const nominal = rates(1.2)
    const middle = rates(0.9)
    const low = rates(0.8)
    // Flash: essentially error-free at 1.2 V, then errors rise steadily (1.2, 0.9, 0.8 V).
    expect(nominal.flash).toBeLessThan(0.002)
    expect(middle.flash).toBeGreaterThan(nominal.flash)
    expect(low.flash).toBeGreaterThan(2 * middle.flash)
    expect(low.flash).toBeGreaterThan(0.01)
    // One reference: below 0.5 % at 0.8 V (measured 0.2 %, ~50 of 25 600 decisions; the bound is ~6σ away).
    expect(low.sign).toBeLessThan(0.005)
    expect(low.sign).toBeLessThan(low.flash / 4)
  })
})
