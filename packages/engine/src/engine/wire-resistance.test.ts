import type { ArrayOrganizationV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { solveCrossbar } from '../array/ir-drop-solver.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { relativeError, exactProduct } from '../workload/relative-error.js'
import { programAnalogMatrix } from './program-analog-matrix.js'

const rows = 24
const columns = 6
const device = new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null })
const organization: ArrayOrganizationV1 = { rows, columns: 2 * columns, weightBits: 8, bitsPerCell: 7, inputBits: 8, weightMapping: 'differential', conversion: 'per-input-bit', columnsPerConverter: 1 }

function problem() {
  const random = createRandomSource(21)
  const weights = Float32Array.from({ length: rows * columns }, () => Math.round(random.nextUniform() * 254) - 127)
  weights[0] = 127
  const inputs = new Float32Array(rows)
  random.fillUniform(inputs, 0, 1)
  inputs[0] = 1
  return { weights, inputs }
}

function mvm(wireResistanceOhm: number, idleRows: 'driven' | 'floating' | 'gated' = 'driven', zeroRows = false): Float32Array {
  const { weights, inputs } = problem()
  if (zeroRows) for (let row = 1; row < rows; row += 2) inputs[row] = 0
  return programAnalogMatrix(weights, rows, columns, {
    organization,
    device,
    inputEncoder: null,
    outputConverter: null,
    backend: referenceBackend,
    random: createRandomSource(1),
    inputRange: 1,
    wireResistanceOhm,
    idleRows,
  }).mvm(inputs, 1)
}

describe('wire resistance in the engine', () => {
  it('equals the nodal solution of the physical array (G⁺ and G⁻ on adjacent columns), decoded', () => {
    const { weights, inputs } = problem()
    const stepS = (1e-4 - 1e-6) / 127
    // Physical layout: output o on columns 2o (G⁺) and 2o + 1 (G⁻).
    const conductanceS = new Float64Array(rows * 2 * columns)
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const weight = weights[row * columns + column]!
        conductanceS[row * 2 * columns + 2 * column] = Math.fround(1e-6 + Math.max(weight, 0) * stepS)
        conductanceS[row * 2 * columns + 2 * column + 1] = Math.fround(1e-6 + Math.max(-weight, 0) * stepS)
      }
    }
    const readV = device.cost.readVoltageV
    const currents = solveCrossbar(conductanceS, rows, 2 * columns, Float64Array.from(inputs, (x) => x * readV), 50, 1e-12).columnCurrentsA
    const expected = Array.from({ length: columns }, (_, o) => (currents[2 * o]! - currents[2 * o + 1]!) / (readV * stepS))
    const actual = mvm(50)
    for (let o = 0; o < columns; o++) expect(Math.abs(actual[o]! - expected[o]!)).toBeLessThan(1e-4 * Math.max(...expected.map(Math.abs)))
  })

  it('a batch read through the transfer matrix (superposition, idle rows at 0 V) equals a nodal solve per vector', () => {
    const { weights } = problem()
    const batch = 4
    const inputs = new Float32Array(batch * rows)
    createRandomSource(5).fillUniform(inputs, -1, 1)
    inputs[0] = 1
    for (let row = 3; row < rows; row += 5) inputs[row] = 0
    const actual = programAnalogMatrix(weights, rows, columns, { organization, device, inputEncoder: null, outputConverter: null, backend: referenceBackend, random: createRandomSource(1), inputRange: 1, wireResistanceOhm: 20, irDropRelativeTolerance: 1e-12 }).mvm(inputs, batch)
    const stepS = (1e-4 - 1e-6) / 127
    const conductanceS = new Float64Array(rows * 2 * columns)
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const weight = weights[row * columns + column]!
        conductanceS[row * 2 * columns + 2 * column] = Math.fround(1e-6 + Math.max(weight, 0) * stepS)
        conductanceS[row * 2 * columns + 2 * column + 1] = Math.fround(1e-6 + Math.max(-weight, 0) * stepS)
      }
    }
    const readV = device.cost.readVoltageV
    for (let vector = 0; vector < batch; vector++) {
      const drive = Float64Array.from(inputs.subarray(vector * rows, (vector + 1) * rows), (x) => x * readV)
      const currents = solveCrossbar(conductanceS, rows, 2 * columns, drive, 20, 1e-13).columnCurrentsA
      const expected = Array.from({ length: columns }, (_, o) => (currents[2 * o]! - currents[2 * o + 1]!) / (readV * stepS))
      const scale = Math.max(...expected.map(Math.abs))
      for (let o = 0; o < columns; o++) expect(Math.abs(actual[vector * columns + o]! - expected[o]!)).toBeLessThan(1e-5 * scale)
    }
  })

  it('error against x·W grows with the wire resistance and vanishes without it', () => {
    const { weights, inputs } = problem()
    const exact = exactProduct(inputs, weights, 1, rows, columns)
    const errors = [0, 1, 10, 100].map((ohm) => relativeError(mvm(ohm), exact))
    expect(errors[0]!).toBeLessThan(1e-5)
    for (let index = 1; index < errors.length; index++) expect(errors[index]!).toBeGreaterThan(errors[index - 1]!)
  })
})

describe('idle rows: held at 0 V, floating (sneak paths in a selector-less array) or gated (1T1R)', () => {
  it('are all the same without wire resistance (columns at virtual ground pin every cell voltage)', () => {
    const driven = mvm(0, 'driven', true)
    expect(Array.from(mvm(0, 'floating', true))).toEqual(Array.from(driven))
    expect(Array.from(mvm(0, 'gated', true))).toEqual(Array.from(driven))
  })

  it('differ with wire resistance: floating rows carry sneak currents, gated rows remove their cells’ load', () => {
    const { weights, inputs } = problem()
    for (let row = 1; row < rows; row += 2) inputs[row] = 0
    const exact = exactProduct(inputs, weights, 1, rows, columns)
    const [driven, floating, gated] = (['driven', 'floating', 'gated'] as const).map((mode) => mvm(100, mode, true))
    expect(relativeError(floating!, driven!)).toBeGreaterThan(1e-4)
    expect(relativeError(gated!, driven!)).toBeGreaterThan(1e-4)
    // Cutting the idle cells off lightens the column wires: less IR drop than holding them at 0 V.
    expect(relativeError(gated!, exact)).toBeLessThan(relativeError(driven!, exact))
  })
})
