import type { DeviceModelV1 } from '@cimkit/core'
import type { ArrayLayout } from '../mapping/array-layout.js'
import type { WeightEncoding } from '../mapping/weight-encoding.js'
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

/** Per-slice matrices of a block at `timeS`. @since 0.1.0 */
export function sliceMatrices(
  block: ProgrammedBlock,
  layout: ArrayLayout,
  encoding: WeightEncoding,
  levels: CellLevels,
  device: DeviceModelV1,
  timeS: number | undefined,
): SliceMatrices[] {
  const result: SliceMatrices[] = []
  const { rowCount, outputCount } = block
  const inverseStep = 1 / levels.stepS
  const readNoiseStdS = device.readNoiseStdS?.bind(device)
  const noiseTimeS = timeS ?? 0
  for (const array of block.arrays) {
    const conductanceS = conductancesAt(array, device, timeS)
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
        const reference = encoding.referenceColumn ? conductanceS[base + referenceColumn(layout, outputCount, localSlice)]! : 0
        if (referenceNoiseVariance !== null) referenceNoiseVariance[row] = variance(reference)
        for (let output = 0; output < outputCount; output++) {
          const positive = conductanceS[base + cellColumn(layout, encoding, output, localSlice, false)]!
          const negative = encoding.pair ? conductanceS[base + cellColumn(layout, encoding, output, localSlice, true)]! : 0
          // NOTE: the analog subtraction (G⁺ − G⁻, or G − G_ref) is done in float64 before the float32 store.
          effective[row * outputCount + output] = (positive - negative - reference) * inverseStep
          if (noiseVariance !== null) noiseVariance[row * outputCount + output] = variance(positive) + (encoding.pair ? variance(negative) : 0)
        }
      }
      result.push({ effective, noiseVariance, referenceNoiseVariance })
    }
  }
  return result
}
