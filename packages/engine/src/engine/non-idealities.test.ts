import type { ArrayOrganizationV1, DeviceModelV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { expectCloseToArray } from '@cimkit/core/testing'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import type { IdealLevelsDeviceOptions } from '../testing/ideal-levels-device.js'
import { UniformAdc } from '../testing/uniform-adc.js'
import { programAnalogMatrix } from './program-analog-matrix.js'

const minS = 1e-6
const maxS = 1e-4
const rows = 256
const columns = 2048
const organization: ArrayOrganizationV1 = {
  rows,
  columns: 2 * columns,
  weightBits: 8,
  bitsPerCell: 7,
  inputBits: 8,
  weightMapping: 'differential',
  conversion: 'per-input-bit',
  columnsPerConverter: 1,
}
const stepS = (maxS - minS) / 127

function device(options: Partial<IdealLevelsDeviceOptions> = {}): IdealLevelsDevice {
  return new IdealLevelsDevice({ minS, maxS, levels: null, ...options })
}

/** Integer weights in [−127, 127] (one at 127, so the scale is exactly 1) and inputs in [−1, 1]. */
function problem(seed: number): { weights: Float32Array; inputs: Float32Array } {
  const random = createRandomSource(seed)
  const weights = Float32Array.from({ length: rows * columns }, () => Math.round(random.nextUniform() * 254) - 127)
  weights[0] = 127
  const inputs = new Float32Array(rows)
  random.fillUniform(inputs, -1, 1)
  inputs[0] = 1
  return { weights, inputs }
}

function program(weights: Float32Array, model: DeviceModelV1, seed: number) {
  return programAnalogMatrix(weights, rows, columns, {
    organization,
    device: model,
    inputEncoder: null,
    outputConverter: null,
    backend: referenceBackend,
    random: createRandomSource(seed),
    inputRange: 1,
  })
}

/** Σ_i x_i² (G⁺_ij² + G⁻_ij²) / ΔG² for each column, at the target conductances. */
function squaredConductanceSums(weights: Float32Array, inputs: Float32Array): Float64Array {
  const sums = new Float64Array(columns)
  for (let row = 0; row < rows; row++) {
    const x2 = inputs[row]! * inputs[row]!
    for (let column = 0; column < columns; column++) {
      const weight = weights[row * columns + column]!
      const positive = minS + Math.max(weight, 0) * stepS
      const negative = minS + Math.max(-weight, 0) * stepS
      sums[column]! += (x2 * (positive * positive + negative * negative)) / (stepS * stepS)
    }
  }
  return sums
}

function standardizedMoments(errors: Float64Array, variances: Float64Array): { mean: number; variance: number } {
  let sum = 0
  let sumSquares = 0
  for (let index = 0; index < errors.length; index++) {
    const z = errors[index]! / Math.sqrt(variances[index]!)
    sum += z
    sumSquares += z * z
  }
  const mean = sum / errors.length
  return { mean, variance: sumSquares / errors.length - mean * mean }
}

// n = 2048 independent columns: the standardized mean has std 1/√n ≈ 0.022 and the sample variance
// std √(2/n) ≈ 0.031; tolerances are 4 standard errors.
const n = columns
const meanTolerance = 4 / Math.sqrt(n)
const varianceTolerance = 4 * Math.sqrt(2 / n)

describe('non-idealities through the device interface match their closed forms', () => {
  const { weights, inputs } = problem(1)
  const exact = program(weights, device(), 0).mvm(inputs, 1)

  it('ideal devices give x·W (differential pair cancels G_min)', () => {
    const expected = new Float64Array(columns)
    for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) expected[column]! += inputs[row]! * weights[row * columns + column]!
    expectCloseToArray(exact, expected, { rtol: 1e-5, atol: 1e-3 })
  })

  it('state-proportional programming error σ·G: error mean 0, variance σ²·Σx²(G⁺² + G⁻²)/ΔG²', () => {
    const sigma = 0.05
    const noisy = program(weights, device({ programmingErrorProportional: sigma }), 7).mvm(inputs, 1)
    const sums = squaredConductanceSums(weights, inputs)
    const errors = Float64Array.from(noisy, (value, column) => value - exact[column]!)
    const moments = standardizedMoments(errors, sums.map((sum) => sigma * sigma * sum))
    expect(Math.abs(moments.mean)).toBeLessThan(meanTolerance)
    expect(Math.abs(moments.variance - 1)).toBeLessThan(varianceTolerance)
  })

  it('state-independent programming error σ·G_max: variance σ²·G_max²·2Σx²/ΔG²', () => {
    // σ·G_max = 0.2·G_min, so the device double's clipping at 0 S is a 5σ event.
    const sigma = 0.002
    const noisy = program(weights, device({ programmingErrorIndependent: sigma }), 8).mvm(inputs, 1)
    let inputSquares = 0
    for (const x of inputs) inputSquares += x * x
    const variance = (sigma * sigma * maxS * maxS * 2 * inputSquares) / (stepS * stepS)
    const errors = Float64Array.from(noisy, (value, column) => value - exact[column]!)
    const moments = standardizedMoments(errors, new Float64Array(columns).fill(variance))
    expect(Math.abs(moments.mean)).toBeLessThan(meanTolerance)
    expect(Math.abs(moments.variance - 1)).toBeLessThan(varianceTolerance)
  })

  it('read noise is redrawn on every read with the per-cell variance, and independent between reads', () => {
    const sigma = 0.02
    const matrix = program(weights, device({ readNoiseProportional: sigma }), 9)
    const sums = squaredConductanceSums(weights, inputs)
    const first = Float64Array.from(matrix.mvm(inputs, 1), (value, column) => value - exact[column]!)
    const second = Float64Array.from(matrix.mvm(inputs, 1), (value, column) => value - exact[column]!)
    const variances = sums.map((sum) => sigma * sigma * sum)
    for (const errors of [first, second]) {
      const moments = standardizedMoments(errors, variances)
      expect(Math.abs(moments.mean)).toBeLessThan(meanTolerance)
      expect(Math.abs(moments.variance - 1)).toBeLessThan(varianceTolerance)
    }
    let correlation = 0
    for (let column = 0; column < columns; column++) correlation += (first[column]! * second[column]!) / variances[column]!
    expect(Math.abs(correlation / columns)).toBeLessThan(meanTolerance)
  })

  it('stuck cells appear at their rates: a G⁺ stuck low or a G⁻ stuck high removes the weight, E[y] = (1 − p_low)(1 − p_high)·x·W', () => {
    const all = new Float32Array(rows * columns).fill(127)
    const ones = new Float32Array(rows).fill(1)
    const pLow = 0.02
    const pHigh = 0.01
    const output = program(all, device({ stuckLowRate: pLow, stuckHighRate: pHigh }), 10).mvm(ones, 1)
    let total = 0
    for (const value of output) total += value
    const healthyFraction = total / (rows * columns * 127)
    const expected = (1 - pLow) * (1 - pHigh)
    // Binomial over rows·columns pairs: std √(p(1 − p)/(rows·columns)); 5 standard errors.
    const tolerance = 5 * Math.sqrt((expected * (1 - expected)) / (rows * columns))
    expect(Math.abs(healthyFraction - expected)).toBeLessThan(tolerance)
  })

  it('drift follows the device law: every conductance scales by (t/t0)^−ν, so y(t) = (t/t0)^−ν·x·W', () => {
    const nu = 0.05
    const matrix = program(weights, device({ driftExponent: nu, driftReferenceTimeS: 1 }), 11)
    for (const timeS of [1, 1e4, 3.15e7]) {
      const factor = Math.pow(timeS, -nu)
      expectCloseToArray(matrix.mvm(inputs, 1, { timeS }), Float32Array.from(exact, (value) => value * factor), { rtol: 1e-5, atol: 1e-3 })
    }
  })

  it('finite on/off ratio: offset mapping removes G_min·Σx digitally (on/off 10, exact without errors)', () => {
    const small = 64
    const smallWeights = weights.subarray(0, small * 8)
    const organizationOffset = { ...organization, weightMapping: 'offset-digital', rows: small, columns: 8 }
    const matrix = programAnalogMatrix(smallWeights, small, 8, {
      organization: organizationOffset,
      device: new IdealLevelsDevice({ minS: 1e-5, maxS: 1e-4, levels: null }),
      inputEncoder: null,
      outputConverter: null,
      backend: referenceBackend,
      random: createRandomSource(12),
      inputRange: 1,
    })
    const expected = new Float64Array(8)
    for (let row = 0; row < small; row++) for (let column = 0; column < 8; column++) expected[column]! += inputs[row]! * smallWeights[row * 8 + column]!
    expectCloseToArray(matrix.mvm(inputs.subarray(0, small), 1), expected, { rtol: 1e-4, atol: 1e-3 })
  })
})

describe('converter mismatch is fixed per physical converter, converter noise is fresh per conversion', () => {
  const { weights, inputs } = problem(2)
  const small = 64
  const smallOrganization = { ...organization, rows: small, columns: 16 }
  const run = (offsetStdLsb: number, noiseStdLsb: number) => {
    const matrix = programAnalogMatrix(weights.subarray(0, small * 8), small, 8, {
      organization: smallOrganization,
      device: device(),
      inputEncoder: null,
      outputConverter: new UniformAdc({ bits: 6, offsetStdLsb, noiseStdLsb }),
      backend: referenceBackend,
      random: createRandomSource(13),
      inputRange: 1,
    })
    const x = inputs.subarray(0, small)
    return [matrix.mvm(x, 1), matrix.mvm(x, 1)]
  }
  it('an offset-only ADC gives the same outputs on every call; a noisy one does not', () => {
    const [clean] = run(0, 0)
    const [offsetFirst, offsetSecond] = run(2, 0)
    expect(Array.from(offsetSecond!)).toEqual(Array.from(offsetFirst!))
    expect(Array.from(offsetFirst!)).not.toEqual(Array.from(clean!))
    const [noisyFirst, noisySecond] = run(0, 2)
    expect(Array.from(noisySecond!)).not.toEqual(Array.from(noisyFirst!))
  })
})
