import { InvalidArgumentError } from '@cimkit/core'
import type { ActivityCounts, AnalogMatrix, AnalogMatrixOptions } from '../engine/analog-matrix-options.js'
import { programAnalogMatrix } from '../engine/program-analog-matrix.js'

/** A dense layer programmed on arrays. @since 0.1.0 */
export interface ArrayDenseLayer {
  readonly inputs: number
  readonly outputs: number
  readonly matrix: AnalogMatrix
  /** batch×inputs → batch×outputs (bias included). */
  forward(x: Float32Array, batch: number, options?: { readonly timeS?: number }): Float32Array
  calibrate(x: Float32Array, batch: number): void
  activity(): ActivityCounts
}

/**
 * Builds the matrix of a layer with its bias on an extra row (survey Eq. 1: the bias folded into W,
 * driven by a constant input). The bias row is driven at full scale (`inputRange`), so it stores
 * bias / inputRange. Returns (inputs + 1)×outputs, row-major.
 * @since 0.1.0
 */
export function withBiasRow(weights: Float32Array, bias: Float32Array, inputs: number, outputs: number, inputRange: number): Float32Array {
  const matrix = new Float32Array((inputs + 1) * outputs)
  matrix.set(weights.subarray(0, inputs * outputs))
  for (let output = 0; output < outputs; output++) matrix[inputs * outputs + output] = bias[output]! / inputRange
  return matrix
}

/** Appends the constant bias input (full scale) to each of `vectors` rows of `width` values. @since 0.1.0 */
export function appendBiasInput(x: Float32Array, vectors: number, width: number, inputRange: number): Float32Array {
  const out = new Float32Array(vectors * (width + 1))
  for (let vector = 0; vector < vectors; vector++) {
    out.set(x.subarray(vector * width, (vector + 1) * width), vector * (width + 1))
    out[vector * (width + 1) + width] = inputRange
  }
  return out
}

/**
 * A dense layer on arrays: weights inputs×outputs (rows = inputs), optional bias on an extra
 * array row, which needs a fixed `inputRange` so the constant input is exactly full scale.
 * @since 0.1.0
 */
export function createArrayDenseLayer(weights: Float32Array, bias: Float32Array | null, inputs: number, outputs: number, options: AnalogMatrixOptions): ArrayDenseLayer {
  if (bias !== null && options.inputRange === undefined) throw new InvalidArgumentError('inputRange', 'a bias row needs a fixed inputRange (the bias input is driven at full scale)')
  const inputRange = options.inputRange ?? 1
  const rows = bias === null ? inputs : inputs + 1
  const matrix = programAnalogMatrix(bias === null ? weights : withBiasRow(weights, bias, inputs, outputs, inputRange), rows, outputs, options)
  const prepare = (x: Float32Array, batch: number): Float32Array => (bias === null ? x : appendBiasInput(x, batch, inputs, inputRange))
  return {
    inputs,
    outputs,
    matrix,
    forward: (x, batch, forwardOptions) => matrix.mvm(prepare(x, batch), batch, forwardOptions),
    calibrate: (x, batch) => matrix.calibrate(prepare(x, batch), batch),
    activity: () => matrix.activity(),
  }
}
