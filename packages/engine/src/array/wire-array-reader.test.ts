import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { arrayLayout } from '../mapping/array-layout.js'
import { weightEncoding } from '../mapping/weight-encoding.js'
import { solveCrossbar } from './ir-drop-solver.js'
import { sliceFromCurrents, WireArrayReader, wireTransferMatrix } from './wire-array-reader.js'

const rows = 12
const outputs = 5
const organization = { rows, columns: 2 * outputs, weightBits: 8, bitsPerCell: 7, inputBits: 8, weightMapping: 'differential', conversion: 'per-input-bit' as const, columnsPerConverter: 1 }
const encoding = weightEncoding(organization)
const layout = arrayLayout(rows, outputs, organization, encoding, 'columns')
const geometry = { layout, encoding, outputCount: outputs, localSlice: 0, inverseStep: 1 / 1e-6 }
const wire = { ohm: 30, relativeTolerance: 1e-13 }

function cells(): Float32Array {
  const conductanceS = new Float32Array(rows * 2 * outputs)
  createRandomSource(41).fillUniform(conductanceS, 1e-6, 1e-4)
  return conductanceS
}

function drives(count: number, seed: number): Float32Array {
  const values = new Float32Array(count * rows)
  createRandomSource(seed).fillUniform(values, -1, 1)
  return values
}

describe('wire network reads', () => {
  it('transfer matrix rows are unit-drive solves: T·d equals a nodal solve of d (superposition, idle rows at 0 V)', () => {
    const conductanceS = cells()
    const transfer = wireTransferMatrix(conductanceS, rows, 2 * outputs, wire)
    const drive = Float64Array.from(drives(1, 42))
    const solved = solveCrossbar(conductanceS, rows, 2 * outputs, drive, wire.ohm, 1e-13).columnCurrentsA
    for (let column = 0; column < 2 * outputs; column++) {
      let sum = 0
      for (let row = 0; row < rows; row++) sum += drive[row]! * transfer[row * 2 * outputs + column]!
      expect(Math.abs(sum - solved[column]!)).toBeLessThan(1e-9 * Math.max(...solved.map(Math.abs)))
    }
  })

  it('solves per vector until the solved vectors reach the row count, then multiplies by the transfer matrix; both agree', () => {
    const reader = new WireArrayReader(cells(), rows, 2 * outputs, wire)
    const first = drives(5, 43)
    const direct = reader.read(first, 5, geometry)
    expect('values' in direct).toBe(true)
    // 5 solved + 7 more = 12 rows: now the transfer matrix pays for itself.
    const next = drives(7, 44)
    const switched = reader.read(next, 7, geometry)
    expect('matrix' in switched).toBe(true)
    if (!('values' in direct) || !('matrix' in switched)) return
    const { matrix } = switched
    const scale = Math.max(...Array.from(direct.values, Math.abs))
    for (let vector = 0; vector < 5; vector++) {
      for (let output = 0; output < outputs; output++) {
        let product = 0
        for (let row = 0; row < rows; row++) product += first[vector * rows + row]! * matrix[row * outputs + output]!
        expect(Math.abs(product - direct.values[vector * outputs + output]!)).toBeLessThan(1e-5 * scale)
      }
    }
  })

  it('slices of one array share a read’s solve (counted once), and a reused buffer with new drives is solved again', () => {
    const twoSlices = { ...organization, bitsPerCell: 4, columns: 4 * outputs }
    const sliced = weightEncoding(twoSlices)
    expect(sliced.slices).toBe(2)
    const slicedLayout = arrayLayout(rows, outputs, twoSlices, sliced, 'columns')
    const conductanceS = new Float32Array(rows * 4 * outputs)
    createRandomSource(45).fillUniform(conductanceS, 1e-6, 1e-4)
    const reader = new WireArrayReader(conductanceS, rows, 4 * outputs, wire)
    const at = (localSlice: number) => ({ layout: slicedLayout, encoding: sliced, outputCount: outputs, localSlice, inverseStep: 1e6 })
    const buffer = drives(6, 46)
    const low = reader.read(buffer, 6, at(0))
    const high = reader.read(buffer, 6, at(1))
    // Counted once: 6 of 12 rows solved, so the second slice is still read directly.
    expect('values' in low && 'values' in high).toBe(true)
    if (!('values' in low) || !('values' in high)) return
    expect(Array.from(high.values)).not.toEqual(Array.from(low.values))
    // Same buffer, new drives: a new solve (6 + 6 = 12 rows), which builds the transfer matrix.
    buffer.set(drives(6, 47))
    expect('matrix' in reader.read(buffer, 6, at(0))).toBe(true)
  })

  it('decodes pairs as G⁺ − G⁻ in digit units', () => {
    const currents = Float64Array.from({ length: 2 * outputs }, (_, column) => (column % 2 === 0 ? 3e-6 : 1e-6) * (column + 1))
    const values = sliceFromCurrents(currents, 1, 2 * outputs, geometry)
    for (let output = 0; output < outputs; output++) expect(values[output]).toBeCloseTo(3 * (2 * output + 1) - (2 * output + 2), 4)
  })
})
