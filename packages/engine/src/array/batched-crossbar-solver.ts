import { InvalidArgumentError } from '@cimkit/core'

/** Result of a batched nodal solve. @since 0.1.0 */
export interface BatchedCrossbarSolution {
  /** count × columns currents into the columns' virtual grounds, amperes. */
  readonly columnCurrentsA: Float64Array
  /** Iterations until every right-hand side converged. */
  readonly iterations: number
  /** Largest final residual norm relative to its right-hand side. */
  readonly relativeResidual: number
}

/** Bytes of iteration vectors the solver may hold at once (sets how many drives run together). */
const WORKSPACE_BYTES = 96 * 2 ** 20

/**
 * Solves the crossbar circuit of `solveCrossbar` (drivers at the rows' left ends, columns at
 * virtual ground below their last row, `wireOhm` per segment, idle rows held at 0 V) for `count`
 * drive vectors at once. Same method — conjugate gradients on the symmetric positive-definite
 * nodal system, preconditioned by the exact solve of every row and column wire (tridiagonal,
 * Thomas algorithm) — but the wires' tridiagonal factorizations are computed once and shared by
 * every drive, and the drives are interleaved (drive index innermost) so each conductance and
 * factor loaded serves the whole group. CG converges for every such circuit (any size, any wire
 * resistance), unlike the Jacobi-style relaxation CrossSim uses, which diverges once
 * N²·R_wire·G is of order one (anchor-crosssim.md §8.2: 1024×1024 at 1 Ω).
 * @example solveCrossbarBatch(Float64Array.of(1e-4), 1, 1, Float64Array.of(0.2, 0.1), 2, 1, 1e-12).columnCurrentsA // ≈ [0.2, 0.1] / 10002
 * @since 0.1.0
 */
export function solveCrossbarBatch(
  conductanceS: Float32Array | Float64Array,
  rows: number,
  columns: number,
  driveV: Float64Array,
  count: number,
  wireOhm: number,
  relativeTolerance: number,
  maxIterations = 10000,
): BatchedCrossbarSolution {
  if (!(wireOhm > 0)) throw new InvalidArgumentError('wireOhm', `expected > 0, got ${wireOhm}`)
  if (driveV.length !== count * rows) throw new InvalidArgumentError('driveV', `expected count×rows = ${count * rows} values, got ${driveV.length}`)
  const cells = rows * columns
  const factors = lineFactors(conductanceS, rows, columns, 1 / wireOhm)
  const group = Math.max(1, Math.min(count, Math.floor(WORKSPACE_BYTES / (2 * cells * 8 * 5))))
  const columnCurrentsA = new Float64Array(count * columns)
  let iterations = 0
  let relativeResidual = 0
  for (let first = 0; first < count; first += group) {
    const size = Math.min(group, count - first)
    const solved = solveGroup(conductanceS, rows, columns, 1 / wireOhm, factors, driveV.subarray(first * rows, (first + size) * rows), size, relativeTolerance, maxIterations)
    for (let drive = 0; drive < size; drive++) {
      for (let column = 0; column < columns; column++) columnCurrentsA[(first + drive) * columns + column] = solved.currents[column * size + drive]!
    }
    iterations = Math.max(iterations, solved.iterations)
    relativeResidual = Math.max(relativeResidual, solved.relativeResidual)
  }
  return { columnCurrentsA, iterations, relativeResidual }
}

/** Thomas factors of every row wire (node i·columns + j) and column wire: 1/denominator and the multiplier. */
interface LineFactors {
  readonly rowInverse: Float64Array
  readonly rowMultiplier: Float64Array
  readonly columnInverse: Float64Array
  readonly columnMultiplier: Float64Array
}

function lineFactors(conductanceS: Float32Array | Float64Array, rows: number, columns: number, wire: number): LineFactors {
  const cells = rows * columns
  const rowInverse = new Float64Array(cells)
  const rowMultiplier = new Float64Array(cells)
  const columnInverse = new Float64Array(cells)
  const columnMultiplier = new Float64Array(cells)
  for (let row = 0; row < rows; row++) {
    let denominator = 0
    for (let column = 0; column < columns; column++) {
      const index = row * columns + column
      const diagonal = wire + (column < columns - 1 ? wire : 0) + conductanceS[index]!
      const multiplier = column === 0 ? 0 : -wire / denominator
      denominator = diagonal + wire * multiplier
      rowMultiplier[index] = multiplier
      rowInverse[index] = 1 / denominator
    }
  }
  for (let column = 0; column < columns; column++) {
    let denominator = 0
    for (let row = 0; row < rows; row++) {
      const index = row * columns + column
      const diagonal = (row > 0 ? wire : 0) + wire + conductanceS[index]!
      const multiplier = row === 0 ? 0 : -wire / denominator
      denominator = diagonal + wire * multiplier
      columnMultiplier[index] = multiplier
      columnInverse[index] = 1 / denominator
    }
  }
  return { rowInverse, rowMultiplier, columnInverse, columnMultiplier }
}

function solveGroup(
  g: Float32Array | Float64Array,
  rows: number,
  columns: number,
  wire: number,
  factors: LineFactors,
  driveV: Float64Array,
  size: number,
  tolerance: number,
  maxIterations: number,
): { readonly currents: Float64Array; readonly iterations: number; readonly relativeResidual: number } {
  const cells = rows * columns
  const length = 2 * cells * size
  const columnBase = cells * size
  // Node u, drive s at u·size + s; row nodes first, then column nodes. Only the bottom column
  // nodes of the solution are needed (the output currents), so x is kept there alone:
  // x = x₀ + Σ αₖ·pₖ with x₀ = 0 at those nodes.
  const bottom = columnBase + (rows - 1) * columns * size
  const xBottom = new Float64Array(columns * size)
  const residual = new Float64Array(length)
  const z = new Float64Array(length)
  const direction = new Float64Array(length)
  const product = new Float64Array(length)
  const rhsNorm = new Float64Array(size)
  // Initial guess x₀: ideal wires (every row node at its drive, columns at ground), held in z.
  for (let row = 0; row < rows; row++) {
    for (let s = 0; s < size; s++) {
      const drive = driveV[s * rows + row]!
      rhsNorm[s]! += (wire * drive) ** 2
      for (let column = 0; column < columns; column++) z[(row * columns + column) * size + s] = drive
    }
  }
  for (let s = 0; s < size; s++) rhsNorm[s] = Math.sqrt(rhsNorm[s]!) || 1
  const norms = new Float64Array(size)
  applyOperator(g, rows, columns, wire, z, product, size, norms)
  for (let index = 0; index < length; index++) residual[index] = -product[index]!
  for (let row = 0; row < rows; row++) for (let s = 0; s < size; s++) residual[row * columns * size + s]! += wire * driveV[s * rows + row]!
  const active = new Uint8Array(size)
  const alpha = new Float64Array(size)
  const beta = new Float64Array(size)
  const rz = new Float64Array(size)
  const converged = (): boolean => {
    let any = false
    for (let s = 0; s < size; s++) {
      active[s] = Math.sqrt(norms[s]!) / rhsNorm[s]! > tolerance ? 1 : 0
      if (active[s] === 1) any = true
    }
    return !any
  }
  columnDots(residual, residual, size, norms)
  let iterations = 0
  if (!converged()) {
    precondition(rows, columns, wire, factors, residual, z, size, columnBase)
    direction.set(z)
    columnDots(residual, z, size, rz)
    while (iterations < maxIterations) {
      // q = A·p with p·q accumulated in the same pass.
      applyOperator(g, rows, columns, wire, direction, product, size, alpha)
      for (let s = 0; s < size; s++) alpha[s] = active[s] === 1 && alpha[s]! > 0 ? rz[s]! / alpha[s]! : 0
      for (let index = 0; index < xBottom.length; index++) xBottom[index]! += alpha[index % size]! * direction[bottom + index]!
      // r ← r − α·q with ‖r‖² accumulated in the same pass.
      norms.fill(0)
      for (let index = 0; index < length; index += size) {
        for (let s = 0; s < size; s++) {
          const value = residual[index + s]! - alpha[s]! * product[index + s]!
          residual[index + s] = value
          norms[s]! += value * value
        }
      }
      iterations++
      if (converged()) break
      precondition(rows, columns, wire, factors, residual, z, size, columnBase)
      columnDots(residual, z, size, beta)
      for (let s = 0; s < size; s++) {
        const next = beta[s]!
        beta[s] = active[s] === 1 && rz[s]! > 0 ? next / rz[s]! : 0
        rz[s] = next
      }
      for (let index = 0; index < length; index += size) for (let s = 0; s < size; s++) direction[index + s] = z[index + s]! + beta[s]! * direction[index + s]!
    }
  }
  let relativeResidual = 0
  for (let s = 0; s < size; s++) relativeResidual = Math.max(relativeResidual, Math.sqrt(norms[s]!) / rhsNorm[s]!)
  const currents = new Float64Array(columns * size)
  for (let index = 0; index < columns * size; index++) currents[index] = wire * xBottom[index]!
  return { currents, iterations, relativeResidual }
}

/** out_s = Σ_u a[u, s]·b[u, s] for each interleaved drive s. */
function columnDots(a: Float64Array, b: Float64Array, size: number, out: Float64Array): void {
  out.fill(0)
  for (let index = 0; index < a.length; index += size) for (let s = 0; s < size; s++) out[s]! += a[index + s]! * b[index + s]!
}

/** Nodal matrix times v (Kirchhoff's current law at every row and column node); `dots` gets v·(A·v) per drive. */
function applyOperator(g: Float32Array | Float64Array, rows: number, columns: number, wire: number, v: Float64Array, out: Float64Array, size: number, dots: Float64Array): void {
  dots.fill(0)
  const cells = rows * columns
  const columnBase = cells * size
  const stride = columns * size
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const cell = row * columns + column
      const conductance = g[cell]!
      const rowDiagonal = wire + (column < columns - 1 ? wire : 0) + conductance
      const columnDiagonal = (row > 0 ? wire : 0) + wire + conductance
      const r = cell * size
      const c = columnBase + r
      for (let s = 0; s < size; s++) {
        const rowNode = v[r + s]!
        const columnNode = v[c + s]!
        let rowSum = rowDiagonal * rowNode - conductance * columnNode
        if (column > 0) rowSum -= wire * v[r - size + s]!
        if (column < columns - 1) rowSum -= wire * v[r + size + s]!
        let columnSum = columnDiagonal * columnNode - conductance * rowNode
        if (row > 0) columnSum -= wire * v[c - stride + s]!
        if (row < rows - 1) columnSum -= wire * v[c + stride + s]!
        out[r + s] = rowSum
        out[c + s] = columnSum
        dots[s]! += rowNode * rowSum + columnNode * columnSum
      }
    }
  }
}

/** Block-Jacobi preconditioner: exact tridiagonal solve of each row wire and each column wire. */
function precondition(rows: number, columns: number, wire: number, factors: LineFactors, r: Float64Array, out: Float64Array, size: number, columnBase: number): void {
  const { rowInverse, rowMultiplier, columnInverse, columnMultiplier } = factors
  for (let row = 0; row < rows; row++) {
    const start = row * columns
    for (let column = 0; column < columns; column++) {
      const cell = start + column
      const base = cell * size
      const inverse = rowInverse[cell]!
      if (column === 0) for (let s = 0; s < size; s++) out[base + s] = r[base + s]! * inverse
      else for (let s = 0; s < size; s++) out[base + s] = (r[base + s]! + wire * out[base - size + s]!) * inverse
    }
    for (let column = columns - 2; column >= 0; column--) {
      const base = (start + column) * size
      const multiplier = rowMultiplier[start + column + 1]!
      for (let s = 0; s < size; s++) out[base + s]! -= multiplier * out[base + size + s]!
    }
  }
  const stride = columns * size
  for (let column = 0; column < columns; column++) {
    for (let row = 0; row < rows; row++) {
      const cell = row * columns + column
      const base = columnBase + cell * size
      const inverse = columnInverse[cell]!
      if (row === 0) for (let s = 0; s < size; s++) out[base + s] = r[base + s]! * inverse
      else for (let s = 0; s < size; s++) out[base + s] = (r[base + s]! + wire * out[base - stride + s]!) * inverse
    }
    for (let row = rows - 2; row >= 0; row--) {
      const base = columnBase + (row * columns + column) * size
      const multiplier = columnMultiplier[(row + 1) * columns + column]!
      for (let s = 0; s < size; s++) out[base + s]! -= multiplier * out[base + stride + s]!
    }
  }
}
