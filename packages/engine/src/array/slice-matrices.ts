import type { DeviceModelV1 } from '@cimkit/core'
import type { ArrayLayout } from '../mapping/array-layout.js'
import type { WeightEncoding } from '../mapping/weight-encoding.js'
import { solveCrossbarBatch } from './batched-crossbar-solver.js'
import type { CellLevels } from './cell-levels.js'
import type { PhysicalArray, ProgrammedBlock } from './programmed-block.js'
import { cellColumn, referenceColumn } from './programmed-block.js'

/**
 * What one weight slice of a block computes, in digit units (conductance / ΔG): the matrix the
 * drive planes multiply (analog subtraction of G⁻ or of the reference column already applied),
 * and the per-read noise variances.
 * @since 0.1.0
 */
export interface SliceMatrices {
  /** rows × outputs, row-major. */
  readonly effective: Float32Array
  /** rows × outputs variance of one read (σ⁺² + σ⁻² for a pair), digit units², or null without read noise. */
  readonly noiseVariance: Float32Array | null
  /** Per-row variance of the reference cell (shared by every column of the slice), or null. */
  readonly referenceNoiseVariance: Float32Array | null
}

/**
 * Conductances an array holds `timeS` after programming (drift through the device), or as
 * programmed when `timeS` is undefined or the device does not change with time.
 * @since 0.1.0
 */
export function conductancesAt(array: PhysicalArray, device: DeviceModelV1, timeS: number | undefined): Float32Array {
  if (timeS === undefined || device.conductanceAtTime === undefined) return array.cells.conductanceS
  const out = new Float32Array(array.cells.conductanceS.length)
  device.conductanceAtTime(array.cells, timeS, out)
  return out
}

/** Wire resistance whose effect is folded into the slice matrices (idle rows held at 0 V). @since 0.1.0 */
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
 * Each row of T is one nodal solve with a unit drive (batched, `solveCrossbarBatch`), done once
 * per programmed state; every read is then a GEMM instead of a nodal solve per vector.
 * @since 0.1.0
 */
export function wireTransferMatrix(conductanceS: Float32Array, rows: number, columns: number, wire: WireNetwork): Float64Array {
  const unitDrives = new Float64Array(rows * rows)
  for (let row = 0; row < rows; row++) unitDrives[row * rows + row] = 1
  return solveCrossbarBatch(conductanceS, rows, columns, unitDrives, rows, wire.ohm, wire.relativeTolerance).columnCurrentsA
}

/**
 * Per-slice matrices of a block at `timeS`; with `wire`, the effective matrices include the IR
 * drop of the wire network (`wireTransferMatrix`, exact for idle rows held at 0 V).
 * @since 0.1.0
 */
export function sliceMatrices(
  block: ProgrammedBlock,
  layout: ArrayLayout,
  encoding: WeightEncoding,
  levels: CellLevels,
  device: DeviceModelV1,
  timeS: number | undefined,
  wire: WireNetwork | null = null,
): SliceMatrices[] {
  const result: SliceMatrices[] = []
  const { rowCount, outputCount } = block
  const inverseStep = 1 / levels.stepS
  const readNoiseStdS = device.readNoiseStdS?.bind(device)
  const noiseTimeS = timeS ?? 0
  for (const array of block.arrays) {
    const conductanceS = conductancesAt(array, device, timeS)
    // Column currents per volt: the cells' own conductances without wires, the network's transfer matrix with them.
    const transfer = wire === null ? conductanceS : wireTransferMatrix(conductanceS, rowCount, array.usedColumns, wire)
    const variance = (conductance: number): number => {
      const std = readNoiseStdS!(conductance, noiseTimeS) * inverseStep
      return std * std
    }
    for (let localSlice = 0; localSlice < array.sliceCount; localSlice++) {
      const effective = new Float32Array(rowCount * outputCount)
      const noiseVariance = readNoiseStdS === undefined ? null : new Float32Array(rowCount * outputCount)
      const referenceNoiseVariance = readNoiseStdS !== undefined && encoding.referenceColumn ? new Float32Array(rowCount) : null
      for (let row = 0; row < rowCount; row++) {
        const base = row * array.usedColumns
        const referenceIndex = base + referenceColumn(layout, outputCount, localSlice)
        const reference = encoding.referenceColumn ? transfer[referenceIndex]! : 0
        if (referenceNoiseVariance !== null) referenceNoiseVariance[row] = variance(conductanceS[referenceIndex]!)
        for (let output = 0; output < outputCount; output++) {
          const positiveIndex = base + cellColumn(layout, encoding, output, localSlice, false)
          const negativeIndex = base + cellColumn(layout, encoding, output, localSlice, true)
          const positive = transfer[positiveIndex]!
          const negative = encoding.pair ? transfer[negativeIndex]! : 0
          // NOTE: the analog subtraction (G⁺ − G⁻, or G − G_ref) is done in float64 before the float32 store.
          effective[row * outputCount + output] = (positive - negative - reference) * inverseStep
          if (noiseVariance !== null) noiseVariance[row * outputCount + output] = variance(conductanceS[positiveIndex]!) + (encoding.pair ? variance(conductanceS[negativeIndex]!) : 0)
        }
      }
      result.push({ effective, noiseVariance, referenceNoiseVariance })
    }
  }
  return result
}
