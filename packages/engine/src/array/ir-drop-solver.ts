import { InvalidArgumentError } from '@cimkit/core'

/** Result of one nodal solve. @since 0.1.0 */
export interface CrossbarSolution {
  /** Current into each column's virtual ground, amperes. */
  readonly columnCurrentsA: Float64Array
  readonly iterations: number
  /** Final residual norm relative to the right-hand side. */
  readonly relativeResidual: number
}

/**
 * Solves the resistive crossbar with wire resistance (topology of CrossSim's input-source array):
 * row i is driven at its left end with `driveV[i]` through one wire segment, column j is held at
 * virtual ground below its last row through one segment, every segment between neighbouring
 * cells has `wireOhm`, and cell (i, j) of conductance G_ij joins row node (i, j) to column node
 * (i, j). Kirchhoff's current law at the 2·rows·columns nodes gives a symmetric positive-definite
 * system (a weighted graph Laplacian with Dirichlet boundaries). It is solved by conjugate
 * gradients preconditioned with the exact solve of every row and column wire alone (block Jacobi
 * with tridiagonal blocks, Thomas algorithm): the wires are the stiff part, the cells couple them
 * weakly, so few iterations are needed; CG converges for every such circuit. Rows flagged in
 * `floatingRows` are disconnected from their driver (an idle row of a selector-less array left
 * floating): current then sneaks from one column through the row's cells into others.
 * @example solveCrossbar(Float64Array.of(1e-4), 1, 1, Float64Array.of(0.2), 1, 1e-12).columnCurrentsA[0] // ≈ 0.2 / (10000 + 2)
 * @since 0.1.0
 */
export function solveCrossbar(
  conductanceS: Float64Array | Float32Array,
  rows: number,
  columns: number,
  driveV: Float64Array,
  wireOhm: number,
  relativeTolerance: number,
  maxIterations = 10000,
  floatingRows: Uint8Array | null = null,
): CrossbarSolution {
  if (!(wireOhm > 0)) throw new InvalidArgumentError('wireOhm', `expected > 0, got ${wireOhm}`)
  const cells = rows * columns
  const size = 2 * cells
  const wire = 1 / wireOhm
  // Unknowns: row-node voltages at [0, cells), column-node voltages at [cells, 2·cells), both (i·columns + j).
  const rhs = new Float64Array(size)
  // Conductance from each row's first node to its driver (0 when the row floats).
  const driverWire = new Float64Array(rows).fill(wire)
  if (floatingRows !== null) for (let row = 0; row < rows; row++) if (floatingRows[row] === 1) driverWire[row] = 0
  for (let row = 0; row < rows; row++) rhs[row * columns] = driverWire[row]! * driveV[row]!
  const apply = (v: Float64Array, out: Float64Array): void => {
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const index = row * columns + column
        const g = conductanceS[index]!
        const rowNode = v[index]!
        const columnNode = v[cells + index]!
        let rowSum = ((column > 0 ? wire : driverWire[row]!) + (column < columns - 1 ? wire : 0) + g) * rowNode - g * columnNode
        if (column > 0) rowSum -= wire * v[index - 1]!
        if (column < columns - 1) rowSum -= wire * v[index + 1]!
        let columnSum = ((row > 0 ? wire : 0) + wire + g) * columnNode - g * rowNode
        if (row > 0) columnSum -= wire * v[cells + index - columns]!
        if (row < rows - 1) columnSum -= wire * v[cells + index + columns]!
        out[index] = rowSum
        out[cells + index] = columnSum
      }
    }
  }
  const scratch = new Float64Array(Math.max(rows, columns))
  const diagonal = new Float64Array(Math.max(rows, columns))
  const target = new Float64Array(Math.max(rows, columns))
  // Preconditioner: tridiagonal solve of each wire with its cells' conductances on the diagonal.
  const precondition = (r: Float64Array, out: Float64Array): void => {
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const index = row * columns + column
        diagonal[column] = (column > 0 ? wire : driverWire[row]!) + (column < columns - 1 ? wire : 0) + conductanceS[index]!
        target[column] = r[index]!
      }
      solveTridiagonal(columns, -wire, diagonal, target, scratch)
      for (let column = 0; column < columns; column++) out[row * columns + column] = target[column]!
    }
    for (let column = 0; column < columns; column++) {
      for (let row = 0; row < rows; row++) {
        const index = row * columns + column
        diagonal[row] = (row > 0 ? wire : 0) + wire + conductanceS[index]!
        target[row] = r[cells + index]!
      }
      solveTridiagonal(rows, -wire, diagonal, target, scratch)
      for (let row = 0; row < rows; row++) out[cells + row * columns + column] = target[row]!
    }
  }
  // Initial guess: ideal wires (rows at their drive, columns at ground).
  const x = new Float64Array(size)
  for (let row = 0; row < rows; row++) x.fill(driveV[row]!, row * columns, (row + 1) * columns)
  const residual = new Float64Array(size)
  apply(x, residual)
  for (let index = 0; index < size; index++) residual[index] = rhs[index]! - residual[index]!
  const rhsNorm = Math.sqrt(dot(rhs, rhs)) || 1
  const z = new Float64Array(size)
  precondition(residual, z)
  const direction = z.slice()
  const product = new Float64Array(size)
  let rz = dot(residual, z)
  let iterations = 0
  let relativeResidual = Math.sqrt(dot(residual, residual)) / rhsNorm
  while (relativeResidual > relativeTolerance && iterations < maxIterations) {
    apply(direction, product)
    const alpha = rz / dot(direction, product)
    for (let index = 0; index < size; index++) {
      x[index]! += alpha * direction[index]!
      residual[index]! -= alpha * product[index]!
    }
    iterations++
    relativeResidual = Math.sqrt(dot(residual, residual)) / rhsNorm
    if (relativeResidual <= relativeTolerance) break
    precondition(residual, z)
    const rzNext = dot(residual, z)
    const beta = rzNext / rz
    rz = rzNext
    for (let index = 0; index < size; index++) direction[index] = z[index]! + beta * direction[index]!
  }
  const columnCurrentsA = new Float64Array(columns)
  for (let column = 0; column < columns; column++) columnCurrentsA[column] = wire * x[cells + (rows - 1) * columns + column]!
  return { columnCurrentsA, iterations, relativeResidual }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0
  for (let index = 0; index < a.length; index++) sum += a[index]! * b[index]!
  return sum
}

/** Thomas algorithm for a symmetric tridiagonal system with constant off-diagonal; solves in place. */
function solveTridiagonal(size: number, offDiagonal: number, diagonal: Float64Array, values: Float64Array, scratch: Float64Array): void {
  let denominator = diagonal[0]!
  values[0] = values[0]! / denominator
  for (let index = 1; index < size; index++) {
    scratch[index] = offDiagonal / denominator
    denominator = diagonal[index]! - offDiagonal * scratch[index]!
    values[index] = (values[index]! - offDiagonal * values[index - 1]!) / denominator
  }
  for (let index = size - 2; index >= 0; index--) values[index]! -= scratch[index + 1]! * values[index + 1]!
}
