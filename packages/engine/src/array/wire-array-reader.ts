import type { ArrayLayout } from '../mapping/array-layout.js'
import type { WeightEncoding } from '../mapping/weight-encoding.js'
import { solveCrossbarBatch } from './batched-crossbar-solver.js'
import { cellColumn, referenceColumn } from './programmed-block.js'

/** Wire resistance of the arrays (idle rows held at 0 V). @since 0.1.0 */
export interface WireNetwork {
  /** Ohms per cell pitch on rows and columns. */
  readonly ohm: number
  /** Relative residual of the nodal solves. */
  readonly relativeTolerance: number
}

/**
 * The wire network's transfer matrix of one array: rows × physical columns, the current into each
 * column's virtual ground per volt on each row (all other rows held at 0 V), amperes per volt.
 * Exact by superposition: with every idle row held at 0 V the circuit is linear and its topology
 * does not depend on the drive, so the column currents of any drive vector d are Σ_i d_i·T[i, ·].
 * Each row of T is one nodal solve with a unit drive (batched, `solveCrossbarBatch`).
 * @since 0.1.0
 */
export function wireTransferMatrix(conductanceS: Float32Array, rows: number, columns: number, wire: WireNetwork): Float64Array {
  const unitDrives = new Float64Array(rows * rows)
  for (let row = 0; row < rows; row++) unitDrives[row * rows + row] = 1
  return solveCrossbarBatch(conductanceS, rows, columns, unitDrives, rows, wire.ohm, wire.relativeTolerance).columnCurrentsA
}

/** Where a slice's cells sit in its array, and the digit scale. @since 0.1.0 */
export interface WireSliceGeometry {
  readonly layout: ArrayLayout
  readonly encoding: WeightEncoding
  readonly outputCount: number
  readonly localSlice: number
  /** 1 / ΔG, per siemens. */
  readonly inverseStep: number
}

/**
 * Column currents per volt (count × physical columns) → the slice's values (count × outputs) in
 * digit units: G⁺ − G⁻ (pair) or G − G_ref (reference column), subtracted in float64.
 * @since 0.1.0
 */
export function sliceFromCurrents(currents: Float64Array, count: number, columns: number, geometry: WireSliceGeometry): Float32Array {
  const { layout, encoding, outputCount, localSlice, inverseStep } = geometry
  const out = new Float32Array(count * outputCount)
  const referenceIndex = referenceColumn(layout, outputCount, localSlice)
  for (let item = 0; item < count; item++) {
    const base = item * columns
    const reference = encoding.referenceColumn ? currents[base + referenceIndex]! : 0
    for (let output = 0; output < outputCount; output++) {
      const positive = currents[base + cellColumn(layout, encoding, output, localSlice, false)]!
      const negative = encoding.pair ? currents[base + cellColumn(layout, encoding, output, localSlice, true)]! : 0
      out[item * outputCount + output] = (positive - negative - reference) * inverseStep
    }
  }
  return out
}

/**
 * Reads one physical array with wire resistance at one programmed state. A read is a nodal solve
 * per drive vector until the vectors solved would reach the array's row count — the cost of its
 * transfer matrix (`wireTransferMatrix`, one solve per row) — and from then on a GEMM with the
 * slice's matrix built from it. This ski-rental rule never spends more than twice the solves of
 * the better choice in hindsight, whether the state is read for one batch or for many. Both paths
 * solve the same circuit to the same tolerance. Slices sharing the array share one solve per read.
 * @since 0.1.0
 */
export class WireArrayReader {
  private solvedVectors = 0
  private transfer: Float64Array | null = null
  private readonly sliceMatrices = new Map<number, Float32Array>()
  private last: { readonly inputs: Float32Array; readonly currents: Float64Array } | null = null

  constructor(
    private readonly conductanceS: Float32Array,
    readonly rows: number,
    readonly columns: number,
    private readonly wire: WireNetwork,
  ) {}

  /**
   * For `vectors` drives (vectors × rows, in volts per unit drive): the slice's matrix with the wires
   * folded in (rows × outputs, digit units) to multiply, or the slice's values (vectors × outputs)
   * solved directly.
   */
  read(inputs: Float32Array, vectors: number, geometry: WireSliceGeometry): { readonly matrix: Float32Array } | { readonly values: Float32Array } {
    const shared = this.transfer === null && this.last !== null && sameValues(this.last.inputs, inputs)
    if (this.transfer === null && !shared && this.solvedVectors + vectors >= this.rows) {
      this.transfer = wireTransferMatrix(this.conductanceS, this.rows, this.columns, this.wire)
      this.last = null
    }
    if (this.transfer !== null) {
      let matrix = this.sliceMatrices.get(geometry.localSlice)
      if (matrix === undefined) this.sliceMatrices.set(geometry.localSlice, (matrix = sliceFromCurrents(this.transfer, this.rows, this.columns, geometry)))
      return { matrix }
    }
    if (!shared) {
      const currents = solveCrossbarBatch(this.conductanceS, this.rows, this.columns, Float64Array.from(inputs), vectors, this.wire.ohm, this.wire.relativeTolerance).columnCurrentsA
      this.solvedVectors += vectors
      // A copy: the caller may reuse its buffer, and only identical drives may share the solve.
      this.last = { inputs: inputs.slice(), currents }
    }
    return { values: sliceFromCurrents(this.last!.currents, vectors, this.columns, geometry) }
  }
}

function sameValues(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (!Object.is(a[index], b[index])) return false
  return true
}
