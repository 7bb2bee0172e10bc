import type { DeviceModelV1 } from '@cimkit/core'
import type { ArrayLayout } from '../mapping/array-layout.js'
import type { WeightEncoding } from '../mapping/weight-encoding.js'
import type { CellLevels } from './cell-levels.js'
import type { PhysicalArray, ProgrammedBlock } from './programmed-block.js'
import { cellColumn, referenceColumn } from './programmed-block.js'
import type { WireNetwork } from './wire-array-reader.js'
import { WireArrayReader } from './wire-array-reader.js'

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
  /** With wire resistance: the reader of the slice's physical array (shared by its slices), else null. */
  readonly wire: { readonly reader: WireArrayReader; readonly localSlice: number } | null
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

/**
 * Per-slice matrices of a block at `timeS`; with `wire`, each physical array also gets a
 * `WireArrayReader` (idle rows held at 0 V) that reads through the wire network.
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
    const reader = wire === null ? null : new WireArrayReader(conductanceS, rowCount, array.usedColumns, wire)
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
        const reference = encoding.referenceColumn ? conductanceS[referenceIndex]! : 0
        if (referenceNoiseVariance !== null) referenceNoiseVariance[row] = variance(reference)
        for (let output = 0; output < outputCount; output++) {
          const positiveIndex = base + cellColumn(layout, encoding, output, localSlice, false)
          const negativeIndex = base + cellColumn(layout, encoding, output, localSlice, true)
          const positive = conductanceS[positiveIndex]!
          const negative = encoding.pair ? conductanceS[negativeIndex]! : 0
          // NOTE: the analog subtraction (G⁺ − G⁻, or G − G_ref) is done in float64 before the float32 store.
          effective[row * outputCount + output] = (positive - negative - reference) * inverseStep
          if (noiseVariance !== null) noiseVariance[row * outputCount + output] = variance(positive) + (encoding.pair ? variance(negative) : 0)
        }
      }
      // A device without read noise (σ = 0 everywhere) adds exactly nothing: drop the matrices so no read draws for it.
      const noisy = hasNonZero(noiseVariance) || hasNonZero(referenceNoiseVariance)
      result.push({
        effective,
        noiseVariance: noisy ? noiseVariance : null,
        referenceNoiseVariance: noisy ? referenceNoiseVariance : null,
        wire: reader === null ? null : { reader, localSlice },
      })
    }
  }
  return result
}

function hasNonZero(values: Float32Array | null): boolean {
  if (values === null) return false
  for (let index = 0; index < values.length; index++) if (values[index] !== 0) return true
  return false
}
