import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { solveCrossbarBatch } from './batched-crossbar-solver.js'
import { solveCrossbar } from './ir-drop-solver.js'

/**
 * Independent exact solve of the same circuit: stamp every resistor into a dense nodal matrix
 * (drivers and ground as known voltages) and solve by Gaussian elimination with partial pivoting.
 */
function denseColumnCurrents(conductanceS: Float64Array, rows: number, columns: number, driveV: Float64Array, wireOhm: number, floatingRows?: Uint8Array): Float64Array {
  const size = 2 * rows * columns
  const rowNode = (i: number, j: number): number => i * columns + j
  const columnNode = (i: number, j: number): number => rows * columns + i * columns + j
  const matrix = Array.from({ length: size }, () => new Float64Array(size))
  const rhs = new Float64Array(size)
  const wire = 1 / wireOhm
  const between = (a: number, b: number, g: number): void => {
    matrix[a]![a]! += g
    matrix[b]![b]! += g
    matrix[a]![b]! -= g
    matrix[b]![a]! -= g
  }
  const toKnown = (a: number, g: number, voltage: number): void => {
    matrix[a]![a]! += g
    rhs[a]! += g * voltage
  }
  for (let i = 0; i < rows; i++) {
    if (floatingRows?.[i] !== 1) toKnown(rowNode(i, 0), wire, driveV[i]!)
    for (let j = 0; j + 1 < columns; j++) between(rowNode(i, j), rowNode(i, j + 1), wire)
  }
  for (let j = 0; j < columns; j++) {
    for (let i = 0; i + 1 < rows; i++) between(columnNode(i, j), columnNode(i + 1, j), wire)
    toKnown(columnNode(rows - 1, j), wire, 0)
  }
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) between(rowNode(i, j), columnNode(i, j), conductanceS[i * columns + j]!)
  for (let pivot = 0; pivot < size; pivot++) {
    let best = pivot
    for (let r = pivot + 1; r < size; r++) if (Math.abs(matrix[r]![pivot]!) > Math.abs(matrix[best]![pivot]!)) best = r
    ;[matrix[pivot], matrix[best]] = [matrix[best]!, matrix[pivot]!]
    ;[rhs[pivot], rhs[best]] = [rhs[best]!, rhs[pivot]!]
    for (let r = pivot + 1; r < size; r++) {
      const factor = matrix[r]![pivot]! / matrix[pivot]![pivot]!
      if (factor === 0) continue
      for (let c = pivot; c < size; c++) matrix[r]![c]! -= factor * matrix[pivot]![c]!
      rhs[r]! -= factor * rhs[pivot]!
    }
  }
  const voltages = new Float64Array(size)
  for (let r = size - 1; r >= 0; r--) {
    let sum = rhs[r]!
    for (let c = r + 1; c < size; c++) sum -= matrix[r]![c]! * voltages[c]!
    voltages[r] = sum / matrix[r]![r]!
  }
  return Float64Array.from({ length: columns }, (_, j) => wire * voltages[columnNode(rows - 1, j)]!)
}

function randomArray(seed: number, rows: number, columns: number, minS: number, maxS: number): { conductanceS: Float64Array; driveV: Float64Array } {
  const random = createRandomSource(seed)
  const conductanceS = new Float64Array(rows * columns)
  random.fillUniform(conductanceS, minS, maxS)
  const driveV = new Float64Array(rows)
  random.fillUniform(driveV, -0.2, 0.2)
  return { conductanceS, driveV }
}

function idealCurrents(conductanceS: Float64Array, rows: number, columns: number, driveV: Float64Array): Float64Array {
  const currents = new Float64Array(columns)
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) currents[j]! += conductanceS[i * columns + j]! * driveV[i]!
  return currents
}

function relativeDeviation(actual: Float64Array, reference: Float64Array): number {
  let error = 0
  let norm = 0
  for (let index = 0; index < reference.length; index++) {
    error += (actual[index]! - reference[index]!) ** 2
    norm += reference[index]! ** 2
  }
  return Math.sqrt(error / norm)
}

describe('IR-drop nodal solver (preconditioned CG on the crossbar circuit)', () => {
  for (const [rows, columns, wireOhm] of [[5, 4, 10], [3, 7, 100], [8, 8, 1000], [1, 1, 5]] as const) {
    it(`matches a dense exact solve of the same circuit to 1e-6 relative (${rows}×${columns}, ${wireOhm} Ω per segment, 1–100 kΩ cells)`, () => {
      const { conductanceS, driveV } = randomArray(rows * 100 + columns, rows, columns, 1e-5, 1e-3)
      const solved = solveCrossbar(conductanceS, rows, columns, driveV, wireOhm, 1e-12)
      const dense = denseColumnCurrents(conductanceS, rows, columns, driveV, wireOhm)
      for (let j = 0; j < columns; j++) expect(Math.abs(solved.columnCurrentsA[j]! - dense[j]!)).toBeLessThanOrEqual(1e-6 * Math.max(...dense.map(Math.abs)))
      // And the wires matter here: the solution differs from the ideal Σ G·V by much more than the tolerance.
      expect(relativeDeviation(solved.columnCurrentsA, idealCurrents(conductanceS, rows, columns, driveV))).toBeGreaterThan(1e-4)
    })
  }

  it('floating idle rows (selector-less array) match the dense solve without their drivers, and sneak current changes the outputs', () => {
    const { conductanceS, driveV } = randomArray(9, 6, 5, 1e-5, 1e-3)
    const floating = Uint8Array.of(0, 1, 0, 1, 1, 0)
    for (let row = 0; row < 6; row++) if (floating[row] === 1) driveV[row] = 0
    const solved = solveCrossbar(conductanceS, 6, 5, driveV, 20, 1e-12, 10000, floating).columnCurrentsA
    const dense = denseColumnCurrents(conductanceS, 6, 5, driveV, 20, floating)
    for (let j = 0; j < 5; j++) expect(Math.abs(solved[j]! - dense[j]!)).toBeLessThanOrEqual(1e-6 * Math.max(...dense.map(Math.abs)))
    const heldAtZero = solveCrossbar(conductanceS, 6, 5, driveV, 20, 1e-12).columnCurrentsA
    expect(relativeDeviation(solved, heldAtZero)).toBeGreaterThan(1e-4)
  })

  it('tends to the ideal product as the wire resistance vanishes', () => {
    const { conductanceS, driveV } = randomArray(1, 16, 16, 1e-6, 1e-4)
    const solved = solveCrossbar(conductanceS, 16, 16, driveV, 1e-6, 1e-12)
    expect(relativeDeviation(solved.columnCurrentsA, idealCurrents(conductanceS, 16, 16, driveV))).toBeLessThan(1e-6)
  })

  it('error grows with wire resistance and with array size (10 kΩ–1 MΩ cells)', () => {
    const deviation = (size: number, wireOhm: number): number => {
      const { conductanceS } = randomArray(2, size, size, 1e-6, 1e-4)
      const driveV = new Float64Array(size).fill(0.2)
      return relativeDeviation(solveCrossbar(conductanceS, size, size, driveV, wireOhm, 1e-12).columnCurrentsA, idealCurrents(conductanceS, size, size, driveV))
    }
    const byResistance = [0.1, 1, 10].map((wireOhm) => deviation(32, wireOhm))
    const bySize = [16, 32, 64].map((size) => deviation(size, 1))
    for (const series of [byResistance, bySize]) for (let index = 1; index < series.length; index++) expect(series[index]!).toBeGreaterThan(series[index - 1]!)
    // Currents only fall with IR drop (all drives positive): every column reads low.
    const { conductanceS } = randomArray(2, 32, 32, 1e-6, 1e-4)
    const driveV = new Float64Array(32).fill(0.2)
    const solved = solveCrossbar(conductanceS, 32, 32, driveV, 10, 1e-12).columnCurrentsA
    const ideal = idealCurrents(conductanceS, 32, 32, driveV)
    for (let j = 0; j < 32; j++) expect(solved[j]!).toBeLessThan(ideal[j]!)
  })

  it('converges on the CrossSim wire-resistance case (256×256, 0.1 Ω per cell, 10 kΩ–1 MΩ) in few iterations', () => {
    const { conductanceS, driveV } = randomArray(3, 256, 256, 1e-6, 1e-4)
    const solved = solveCrossbar(conductanceS, 256, 256, driveV, 0.1, 1e-10)
    expect(solved.relativeResidual).toBeLessThanOrEqual(1e-10)
    expect(solved.iterations).toBeLessThan(50)
  })
})

describe('batched nodal solver (shared wire factorizations, drives interleaved)', () => {
  for (const [rows, columns, wireOhm] of [[5, 4, 10], [3, 7, 100], [8, 8, 1000]] as const) {
    it(`matches the dense exact solve to 1e-6 relative for every drive of a batch (${rows}×${columns}, ${wireOhm} Ω)`, () => {
      const { conductanceS } = randomArray(rows * 10 + columns, rows, columns, 1e-5, 1e-3)
      const count = 5
      const drives = new Float64Array(count * rows)
      createRandomSource(7).fillUniform(drives, -0.2, 0.2)
      const solved = solveCrossbarBatch(conductanceS, rows, columns, drives, count, wireOhm, 1e-12)
      for (let drive = 0; drive < count; drive++) {
        const dense = denseColumnCurrents(conductanceS, rows, columns, drives.subarray(drive * rows, (drive + 1) * rows), wireOhm)
        const scale = Math.max(...dense.map(Math.abs))
        for (let j = 0; j < columns; j++) expect(Math.abs(solved.columnCurrentsA[drive * columns + j]! - dense[j]!)).toBeLessThanOrEqual(1e-6 * scale)
      }
    })
  }

  it('converges where CrossSim diverged: N²·R_wire·G_max ≈ 105 as in 1024×1024 at 1 Ω with 10 kΩ cells (here 128×128 at 64 Ω), agreeing with the single-drive solver', () => {
    // CrossSim's relaxation diverged at 1024×1024, 1 Ω/cell (anchor-crosssim.md §8.2); its
    // convergence is governed by the dimensionless N²·R·G, which this smaller array shares.
    const { conductanceS } = randomArray(11, 128, 128, 1e-6, 1e-4)
    const drives = new Float64Array(2 * 128)
    createRandomSource(12).fillUniform(drives, 0, 0.2)
    const solved = solveCrossbarBatch(conductanceS, 128, 128, drives, 2, 64, 1e-10)
    expect(solved.relativeResidual).toBeLessThanOrEqual(1e-10)
    const single = solveCrossbar(conductanceS, 128, 128, drives.subarray(128), 64, 1e-12).columnCurrentsA
    expect(relativeDeviation(Float64Array.from(solved.columnCurrentsA.subarray(128)), single)).toBeLessThan(1e-6)
    // The wires matter a lot here: far from the ideal product.
    expect(relativeDeviation(single, idealCurrents(conductanceS, 128, 128, drives.subarray(128)))).toBeGreaterThan(0.1)
  })
})
