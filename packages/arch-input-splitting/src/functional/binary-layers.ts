import type { OutputConverterV1, RandomSource } from '@cimkit/core'
import { batchNormSign } from './binary-batch-norm.js'
import type { BinaryBatchNorm } from './binary-batch-norm.js'
import { groupPartialSums } from './group-partial-sums.js'
import { readPartialSums } from './read-partial-sums.js'

/**
 * Paper 002's pre-binarization scale for 64-row groups: u = s/20 keeps most partial sums inside the
 * straight-through window [−1, 1] during training. At inference a threshold-0 SA ignores it.
 * @since 0.1.0
 */
export const PRE_BINARIZATION_SCALE = 1 / 20

/** A binary (±1) layer as a weight matrix: inputs × outputs, row-major. @since 0.1.0 */
export interface BinaryLayerData {
  readonly weights: Float32Array
  readonly inputCount: number
  readonly outputCount: number
}

/** Hardware and parameters of one evaluation. @since 0.1.0 */
export interface BinaryLayerReadout {
  /** Group boundaries (`splitInputGroups`, `convInputGroups`): one macro per group. */
  readonly boundaries: Int32Array
  /** Converter of each column (null = ideal). */
  readonly converter: OutputConverterV1 | null
  readonly random: RandomSource
  /** Batch norm applied before the final sign (after the merge for input splitting). */
  readonly batchNorm?: BinaryBatchNorm | null
}

/** Outputs of a binary layer evaluation. @since 0.1.0 */
export interface BinaryLayerResult {
  /** ±1 outputs, batch × outputs. */
  readonly outputs: Float32Array
  /** What the final batch norm saw, batch × outputs (accumulated partial sums, or the merged count). */
  readonly preActivation: Float32Array
}

/**
 * The conventional scheme (paper 002, ref. 14): each group's partial sums read by a multi-bit ADC
 * (with the converter's quantization, offsets and noise), accumulated digitally, then sign(BN(·)).
 * With an ideal converter it is exactly sign(BN(x·W)).
 * @since 0.1.0
 */
export function conventionalBinaryLayer(layer: BinaryLayerData, inputs: Float32Array, batch: number, readout: BinaryLayerReadout): BinaryLayerResult {
  const groups = readout.boundaries.length - 1
  const sums = groupPartialSums(layer.weights, inputs, batch, layer.inputCount, layer.outputCount, readout.boundaries)
  readPartialSums(sums, batch, readout.boundaries, layer.outputCount, readout.converter, readout.random)
  const accumulated = new Float32Array(batch * layer.outputCount)
  for (let b = 0; b < batch; b++) {
    for (let g = 0; g < groups; g++) {
      const base = (b * groups + g) * layer.outputCount
      for (let j = 0; j < layer.outputCount; j++) accumulated[b * layer.outputCount + j] = accumulated[b * layer.outputCount + j]! + sums[base + j]!
    }
  }
  return { outputs: batchNormSign(accumulated, batch, layer.outputCount, readout.batchNorm ?? null), preActivation: accumulated }
}

/**
 * Input splitting (paper 002 §"Input splitting"): every group is a small layer whose columns output
 * one bit through a sense amplifier with threshold 0 shared by all columns (or, Kim et al.'s original
 * scheme, per-column `columnThresholds`, groups × outputs, from a batch norm per sub-layer); the bits
 * are merged by counting, m = Σ_g y_g, and batch norm after the merge gives z = sign(BN(m)).
 * With one group and threshold 0 it equals sign(x·W) (sign(0) = +1).
 * @since 0.1.0
 */
export function splitBinaryLayer(layer: BinaryLayerData, inputs: Float32Array, batch: number, readout: BinaryLayerReadout & { readonly columnThresholds?: Float32Array | null }): BinaryLayerResult {
  const groups = readout.boundaries.length - 1
  const sums = groupPartialSums(layer.weights, inputs, batch, layer.inputCount, layer.outputCount, readout.boundaries)
  readPartialSums(sums, batch, readout.boundaries, layer.outputCount, readout.converter, readout.random, readout.columnThresholds ?? null)
  const merged = new Float32Array(batch * layer.outputCount)
  for (let b = 0; b < batch; b++) {
    for (let g = 0; g < groups; g++) {
      const base = (b * groups + g) * layer.outputCount
      for (let j = 0; j < layer.outputCount; j++) merged[b * layer.outputCount + j] = merged[b * layer.outputCount + j]! + (sums[base + j]! >= 0 ? 1 : -1)
    }
  }
  return { outputs: batchNormSign(merged, batch, layer.outputCount, readout.batchNorm ?? null), preActivation: merged }
}
