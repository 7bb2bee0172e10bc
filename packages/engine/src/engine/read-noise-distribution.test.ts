import type { ArrayOrganizationV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { programAnalogMatrix } from './program-analog-matrix.js'

// The output-referred read noise of slice-reader.ts against the definition it replaces: an
// independent Gaussian draw per cell and read, summed through the array. Same circuit, same
// seeds for nothing: the two samples are compared as distributions.
const rows = 16
const columns = 4
const reads = 4000
const sigma = 0.05
const minS = 1e-6
const maxS = 1e-4
const stepS = (maxS - minS) / 127
const organization: ArrayOrganizationV1 = { rows, columns: 2 * columns, weightBits: 8, bitsPerCell: 7, inputBits: 8, weightMapping: 'differential', conversion: 'per-input-bit', columnsPerConverter: 1 }

/** Two-sample Kolmogorov–Smirnov statistic. */
function ksStatistic(a: Float64Array, b: Float64Array): number {
  const x = a.slice().sort()
  const y = b.slice().sort()
  let i = 0
  let j = 0
  let largest = 0
  while (i < x.length && j < y.length) {
    if (x[i]! <= y[j]!) i++
    else j++
    largest = Math.max(largest, Math.abs(i / x.length - j / y.length))
  }
  return largest
}

describe('output-referred read noise equals per-cell noise in distribution', () => {
  it(`each column’s noise matches Σ_i x_i·n_ij with n_ij ~ N(0, (σ·G_ij)²) drawn per cell (KS at α = 0.001 over ${reads} reads), and columns stay uncorrelated`, () => {
    const random = createRandomSource(31)
    const weights = Float32Array.from({ length: rows * columns }, () => Math.round(random.nextUniform() * 254) - 127)
    weights[0] = 127
    const input = new Float32Array(rows)
    random.fillUniform(input, -1, 1)
    input[1] = 1
    const matrix = programAnalogMatrix(weights, rows, columns, {
      organization,
      device: new IdealLevelsDevice({ minS, maxS, levels: null, readNoiseProportional: sigma }),
      inputEncoder: null,
      outputConverter: null,
      backend: referenceBackend,
      random: createRandomSource(32),
      inputRange: 1,
    })
    const batch = new Float32Array(reads * rows)
    for (let read = 0; read < reads; read++) batch.set(input, read * rows)
    const engine = matrix.mvm(batch, reads)
    // The same cells (no programming error: targets stored in float32), noise drawn per cell.
    const positive = Float64Array.from(weights, (w) => Math.fround(minS + Math.max(w, 0) * stepS))
    const negative = Float64Array.from(weights, (w) => Math.fround(minS + Math.max(-w, 0) * stepS))
    const cellNoise = createRandomSource(33)
    for (let column = 0; column < columns; column++) {
      let exact = 0
      for (let row = 0; row < rows; row++) exact += (input[row]! * (positive[row * columns + column]! - negative[row * columns + column]!)) / stepS
      const fromEngine = new Float64Array(reads)
      const perCell = new Float64Array(reads)
      for (let read = 0; read < reads; read++) {
        fromEngine[read] = engine[read * columns + column]! - exact
        let noise = 0
        for (let row = 0; row < rows; row++) {
          const index = row * columns + column
          noise += (input[row]! * (sigma * positive[index]! * cellNoise.nextNormal() - sigma * negative[index]! * cellNoise.nextNormal())) / stepS
        }
        perCell[read] = noise
      }
      // Critical value of the two-sample KS test at α = 0.001: 1.95·√(2/n).
      expect(ksStatistic(fromEngine, perCell)).toBeLessThan(1.95 * Math.sqrt(2 / reads))
    }
    // Different columns share no cell: their noises are independent (|r| < 4/√n).
    let cross = 0
    let first = 0
    let second = 0
    for (let read = 0; read < reads; read++) {
      const a = engine[read * columns]!
      const b = engine[read * columns + 1]!
      cross += a * b
      first += a
      second += b
    }
    const variance = (column: number): number => {
      let sum = 0
      let squares = 0
      for (let read = 0; read < reads; read++) {
        sum += engine[read * columns + column]!
        squares += engine[read * columns + column]! ** 2
      }
      return squares / reads - (sum / reads) ** 2
    }
    const correlation = (cross / reads - (first / reads) * (second / reads)) / Math.sqrt(variance(0) * variance(1))
    expect(Math.abs(correlation)).toBeLessThan(4 / Math.sqrt(reads))
  })
})
