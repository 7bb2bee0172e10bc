import type { ComputeBackendV1, DeviceModelV1, MvmCallV1, RandomSource, ReliabilityMiddlewareV1 } from '@cimkit/core'
import type { CellLevels } from '../array/cell-levels.js'
import { solveCrossbar } from '../array/ir-drop-solver.js'
import type { PhysicalArray, ProgrammedBlock } from '../array/programmed-block.js'
import { cellColumn, referenceColumn } from '../array/programmed-block.js'
import type { SliceMatrices } from '../array/slice-matrices.js'
import { conductancesAt } from '../array/slice-matrices.js'
import type { ArrayLayout } from '../mapping/array-layout.js'
import type { WeightEncoding } from '../mapping/weight-encoding.js'
import type { ActivityCounter } from './activity-counter.js'
import { residentGemm } from './resident-gemm.js'

/** What reading one slice of one block needs. @since 0.1.0 */
export interface SliceReadContext {
  readonly backend: ComputeBackendV1
  readonly device: DeviceModelV1
  readonly layout: ArrayLayout
  readonly encoding: WeightEncoding
  readonly levels: CellLevels
  readonly middleware: readonly ReliabilityMiddlewareV1[]
  readonly counter: ActivityCounter
  readonly wireResistanceOhm: number
  /** Bumped whenever reads disturb cells, so cached slice matrices are rebuilt. */
  readonly disturbance: { version: number }
  readonly idleRows: 'driven' | 'floating' | 'gated'
  readonly irDropRelativeTolerance: number
}

/** One slice read: block, slice, its matrices, and the time since programming. @since 0.1.0 */
export interface SliceRead {
  readonly block: ProgrammedBlock
  readonly slice: number
  readonly matrices: SliceMatrices
  /** Seconds since first programming, as middleware sees it. */
  readonly timeS: number | undefined
  /** Age of the state the cells hold (after middleware time hooks such as refresh), for the device. */
  readonly deviceTimeS: number | undefined
  /** Stable identity of the slice's physical array, passed to middleware as `arrayId`. */
  readonly arrayId: string
  readonly random: RandomSource
  /**
   * Per-vector sums of the drive when every drive value is ≥ 0 (bit planes of unsigned inputs):
   * a vector then applies voltage iff its sum is positive, which spares read disturb a scan.
   */
  readonly nonNegativeRowSums?: Float64Array
}

/**
 * The analog part of one slice read: drive planes (m × block rows) → column values (m × outputs)
 * in digit units, through the middleware's `wrapMvm` chain (first = outermost).
 * @since 0.1.0
 */
export function readSlice(context: SliceReadContext, read: SliceRead, inputs: Float32Array, vectors: number, scratch?: (length: number) => Float32Array): Float32Array {
  const layers = context.middleware.filter((technique) => technique.wrapMvm !== undefined)
  const { rowCount, outputCount } = read.block
  const readAt = (depth: number, drive: Float32Array): Float32Array => {
    // NOTE: a caller's scratch buffer only without middleware (a technique may keep what it returns).
    if (depth === layers.length) return rawRead(context, read, drive, vectors, layers.length === 0 ? scratch : undefined)
    // NOTE: `arrayId` is not in MvmCallV1; techniques with per-array state read it (reliability's host contract).
    const call: MvmCallV1 & { readonly arrayId: string } = {
      arrayId: read.arrayId,
      inputs: drive,
      batch: vectors,
      rows: rowCount,
      columns: outputCount,
      doMvm: (inner) => readAt(depth + 1, inner),
      timeS: read.timeS ?? 0,
      random: read.random.stream('middleware', depth),
      record: context.counter.add,
    }
    return layers[depth]!.wrapMvm!(call)
  }
  return readAt(0, inputs)
}

function rawRead(context: SliceReadContext, read: SliceRead, inputs: Float32Array, vectors: number, scratch?: (length: number) => Float32Array): Float32Array {
  // The read's stream, derived only when noise or disturb draws from it (a derivation hashes labels).
  let stream: RandomSource | null = null
  const random = (): RandomSource => (stream ??= read.random.stream('read'))
  const { rowCount, outputCount } = read.block
  const { matrices } = read
  let out: Float32Array
  if (matrices.wire !== null) {
    // Idle rows held at 0 V: the array's wire reader solves or multiplies by its transfer matrix.
    const geometry = { layout: context.layout, encoding: context.encoding, outputCount, localSlice: matrices.wire.localSlice, inverseStep: 1 / context.levels.stepS }
    const wired = matrices.wire.reader.read(inputs, vectors, geometry)
    if ('values' in wired) out = wired.values
    else {
      out = new Float32Array(vectors * outputCount)
      residentGemm(context.backend, vectors, outputCount, rowCount, inputs, wired.matrix, out)
    }
  } else if (context.wireResistanceOhm > 0) {
    // Floating or gated idle rows change the network with the drive pattern: a solve per vector.
    out = irDropRead(context, read, inputs, vectors)
  } else {
    out = scratch?.(vectors * outputCount) ?? new Float32Array(vectors * outputCount)
    residentGemm(context.backend, vectors, outputCount, rowCount, inputs, matrices.effective, out)
  }
  if (matrices.noiseVariance !== null) {
    const squared = squaredDrive(inputs)
    const variance = new Float32Array(vectors * outputCount)
    residentGemm(context.backend, vectors, outputCount, rowCount, squared, matrices.noiseVariance, variance)
    addReadNoise(matrices, squared, variance, vectors, rowCount, outputCount, out, random())
  }
  if (context.device.applyReadDisturb !== undefined) applyReadDisturb(context, read, inputs, vectors, random().stream('disturb'))
  return out
}

/** Squares of the drive values (the weights of the cells' noise variances). @since 0.2.0 */
export function squaredDrive(inputs: Float32Array): Float32Array {
  const squared = new Float32Array(inputs.length)
  for (let index = 0; index < inputs.length; index++) squared[index] = inputs[index]! * inputs[index]!
  return squared
}

/**
 * Read disturb through the device: after the reads of an array (counted once, at its first
 * slice), each drive plane that applies voltage disturbs the cells at its polarity: −1 when every
 * non-zero drive is negative (a reversed read), +1 otherwise. Cached matrices are then rebuilt.
 * @since 0.2.0
 */
export function applyReadDisturb(context: SliceReadContext, read: SliceRead, inputs: Float32Array, vectors: number, random: RandomSource): void {
  const { device } = context
  if (device.applyReadDisturb === undefined) return
  const array = read.block.arrays.find((candidate) => candidate.firstSlice === read.slice)
  if (array === undefined) return
  const rows = read.block.rowCount
  let positive = 0
  let negative = 0
  const sums = read.nonNegativeRowSums
  if (sums !== undefined) for (let vector = 0; vector < vectors; vector++) positive += sums[vector]! > 0 ? 1 : 0
  else for (let vector = 0; vector < vectors; vector++) {
    let sawPositive = false
    let sawNegative = false
    for (let row = 0; row < rows; row++) {
      const drive = inputs[vector * rows + row]!
      if (drive > 0) sawPositive = true
      else if (drive < 0) sawNegative = true
    }
    if (sawNegative && !sawPositive) negative++
    else if (sawPositive) positive++
  }
  if (positive > 0) device.applyReadDisturb(array.cells, positive, 1, random.stream('positive'))
  if (negative > 0) device.applyReadDisturb(array.cells, negative, -1, random.stream('negative'))
  if (positive + negative > 0) context.disturbance.version++
}

/**
 * Per-read noise, drawn output-referred. Proof that this is exact: a read gives
 * y_j = Σ_i x_i (G_ij + n_ij) with n_ij ~ N(0, σ_ij²) independent over cells and reads. Given x,
 * y_j − Σ_i x_i G_ij = Σ_i x_i n_ij is a sum of independent zero-mean Gaussians, hence Gaussian
 * with variance Σ_i x_i² σ_ij² (a GEMM of squared drives with squared stds), and the sums of
 * different columns or reads share no n_ij, so they are independent. Drawing one N(0, 1) per
 * output and scaling by the standard deviation has exactly the distribution of per-cell draws.
 * The reference column's noise is one draw per read shared by every column (it is subtracted from
 * all of them), so it is drawn once per read and subtracted, keeping that correlation.
 * NOTE: with wire resistance, the noise is added output-referred on top of the nodal solution
 * (first order in σ, ignoring the wire network's small attenuation of each cell's noise current).
 * `variance` is that GEMM's result for `out`; `squared` the squared drive.
 * @since 0.2.0
 */
export function addReadNoise(
  matrices: SliceMatrices,
  squared: Float32Array,
  variance: Float32Array,
  vectors: number,
  rowCount: number,
  outputCount: number,
  out: Float32Array,
  random: RandomSource,
): void {
  const normals = new Float32Array(variance.length)
  random.fillNormal(normals)
  for (let index = 0; index < out.length; index++) out[index]! += Math.sqrt(Math.max(0, variance[index]!)) * normals[index]!
  const referenceVariance = matrices.referenceNoiseVariance
  if (referenceVariance === null) return
  for (let vector = 0; vector < vectors; vector++) {
    let sum = 0
    for (let row = 0; row < rowCount; row++) sum += squared[vector * rowCount + row]! * referenceVariance[row]!
    const common = Math.sqrt(sum) * random.nextNormal()
    for (let output = 0; output < outputCount; output++) out[vector * outputCount + output]! -= common
  }
}

/** Column values from a nodal solve of the physical array holding the slice. */
function irDropRead(context: SliceReadContext, read: SliceRead, inputs: Float32Array, vectors: number): Float32Array {
  const { layout, encoding, levels, device } = context
  const { block, slice } = read
  const array = block.arrays.find((candidate) => slice >= candidate.firstSlice && slice < candidate.firstSlice + candidate.sliceCount)!
  const localSlice = slice - array.firstSlice
  const readVoltageV = device.cost.readVoltageV
  const conductanceS = conductancesAt(array, device, read.deviceTimeS)
  const out = new Float32Array(vectors * block.outputCount)
  const drive = new Float64Array(block.rowCount)
  const idle = new Uint8Array(block.rowCount)
  const scale = 1 / (readVoltageV * levels.stepS)
  for (let vector = 0; vector < vectors; vector++) {
    for (let row = 0; row < block.rowCount; row++) {
      drive[row] = inputs[vector * block.rowCount + row]! * readVoltageV
      idle[row] = drive[row] === 0 ? 1 : 0
    }
    const currents = solveArray(context, array, conductanceS, block.rowCount, drive, idle)
    const reference = encoding.referenceColumn ? currents[referenceColumn(layout, block.outputCount, localSlice)]! : 0
    for (let output = 0; output < block.outputCount; output++) {
      const positive = currents[cellColumn(layout, encoding, output, localSlice, false)]!
      const negative = encoding.pair ? currents[cellColumn(layout, encoding, output, localSlice, true)]! : 0
      out[vector * block.outputCount + output] = (positive - negative - reference) * scale
    }
  }
  return out
}

/**
 * Solves one physical array for one drive vector. Idle (zero-drive) rows: `driven` holds them at
 * 0 V; `floating` disconnects their driver (sneak paths in a selector-less array); `gated` removes
 * their cells, as an access transistor that is off does.
 */
function solveArray(context: SliceReadContext, array: PhysicalArray, conductanceS: Float32Array, rows: number, drive: Float64Array, idle: Uint8Array): Float64Array {
  const columns = array.usedColumns
  let cells: Float32Array = conductanceS
  if (context.idleRows === 'gated' && idle.includes(1)) {
    cells = conductanceS.slice()
    for (let row = 0; row < rows; row++) if (idle[row] === 1) cells.fill(0, row * columns, (row + 1) * columns)
  }
  const floating = context.idleRows === 'floating' ? idle : null
  return solveCrossbar(cells, rows, columns, drive, context.wireResistanceOhm, context.irDropRelativeTolerance, 10000, floating).columnCurrentsA
}
