import type { DeviceModelV1 } from '@cimkit/core'
import type { BinaryStorage } from './binary-storage.js'
import type { BinaryBlock } from './program-binary-cells.js'

/**
 * A block's cells as the sense amplifier sees them at one time: per synapse (row × output,
 * row-major) the normalised differential u = (G_a − G_b)/(G_a + G_b) ∈ (−1, 1), so that
 * ln(G_a/G_b) = ln((1 + u)/(1 − u)) (what a precharge sense amplifier compares); for a single
 * device G_b is the reference. With read noise, the conductances and their per-read σ are kept so
 * each read can redraw u.
 * @since 0.1.0
 */
export interface CellDifferentials {
  readonly u: Float32Array
  /** Conductances at this time (the block's cells, `rowCount × cellColumns`), siemens. */
  readonly conductanceS: Float32Array
  /** Per-read noise σ of each cell, siemens, or null when the device has none at this time. */
  readonly noiseStdS: Float32Array | null
}

/** u of two conductances; a non-positive sum (noise drove both to 0) reads as a tie, u = 0. */
function differential(a: number, b: number): number {
  const sum = a + b
  return sum > 0 ? (a - b) / sum : 0
}

/**
 * The differentials of `block` `deviceTimeS` after programming (drift through the device's
 * `conductanceAtTime`, none when the time is undefined or the device does not change), with the
 * device's per-read noise σ when it has any.
 * @since 0.1.0
 */
export function cellDifferentials(block: BinaryBlock, storage: BinaryStorage, referenceS: number, device: DeviceModelV1, deviceTimeS: number | undefined): CellDifferentials {
  const { cells, rowCount, outputCount, cellColumns } = block
  let conductanceS = cells.conductanceS
  if (deviceTimeS !== undefined && device.conductanceAtTime !== undefined) {
    conductanceS = new Float32Array(cells.conductanceS.length)
    device.conductanceAtTime(cells, deviceTimeS, conductanceS)
  }
  let noiseStdS: Float32Array | null = null
  if (device.readNoiseStdS !== undefined) {
    const std = new Float32Array(conductanceS.length)
    let any = false
    for (let index = 0; index < std.length; index++) {
      const sigma = device.readNoiseStdS(conductanceS[index]!, deviceTimeS ?? 0)
      std[index] = sigma
      if (sigma > 0) any = true
    }
    if (any) noiseStdS = std
  }
  const u = new Float32Array(rowCount * outputCount)
  fillDifferentials(conductanceS, storage, referenceS, rowCount, outputCount, cellColumns, u)
  return { u, conductanceS, noiseStdS }
}

/**
 * Writes u of every synapse of a block from its cell conductances (`rowCount × cellColumns`) into
 * `out` (`rowCount × outputCount`).
 * @since 0.1.0
 */
export function fillDifferentials(conductanceS: Float32Array, storage: BinaryStorage, referenceS: number, rowCount: number, outputCount: number, cellColumns: number, out: Float32Array): void {
  for (let row = 0; row < rowCount; row++) {
    const cellBase = row * cellColumns
    const base = row * outputCount
    if (storage === 'pair') {
      for (let output = 0; output < outputCount; output++) out[base + output] = differential(conductanceS[cellBase + 2 * output]!, conductanceS[cellBase + 2 * output + 1]!)
    } else {
      for (let output = 0; output < outputCount; output++) out[base + output] = differential(conductanceS[cellBase + output]!, referenceS)
    }
  }
}
