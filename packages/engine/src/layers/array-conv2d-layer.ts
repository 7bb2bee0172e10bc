import type { ComputeBackendV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import type { ActivityCounts, AnalogMatrix, AnalogMatrixOptions } from '../engine/analog-matrix-options.js'
import { programAnalogMatrix } from '../engine/program-analog-matrix.js'
import { appendBiasInput, withBiasRow } from './array-dense-layer.js'

/** Shape of a conv2d layer. @since 0.1.0 */
export interface Conv2dShape {
  readonly inputChannels: number
  readonly outputChannels: number
  readonly kernelHeight: number
  readonly kernelWidth: number
  readonly strideHeight: number
  readonly strideWidth: number
  readonly padTop: number
  readonly padLeft: number
  readonly padBottom: number
  readonly padRight: number
}

/** A conv2d layer on arrays. @since 0.1.0 */
export interface ArrayConv2dLayer {
  readonly matrix: AnalogMatrix
  /** NCHW input → NCHW output with its height and width. */
  forward(input: Float32Array, batch: number, height: number, width: number, options?: { readonly timeS?: number }): { readonly output: Float32Array; readonly height: number; readonly width: number }
  calibrate(input: Float32Array, batch: number, height: number, width: number): void
  activity(): ActivityCounts
}

/**
 * Reorders conv weights [C_out, C_in, kh, kw] into the crossbar matrix (k·k·C_in) × C_out: one
 * column per output channel holding its whole filter, rows in im2col tap order (survey §9.3).
 * @since 0.1.0
 */
export function convWeightsToMatrix(weights: Float32Array, shape: Conv2dShape): Float32Array {
  const taps = shape.inputChannels * shape.kernelHeight * shape.kernelWidth
  const matrix = new Float32Array(taps * shape.outputChannels)
  for (let output = 0; output < shape.outputChannels; output++) for (let tap = 0; tap < taps; tap++) matrix[tap * shape.outputChannels + output] = weights[output * taps + tap]!
  return matrix
}

/**
 * A conv2d layer on arrays by im2col: array size (k·k·C_in + 1) × C_out with the bias row (ISAAC,
 * survey Fig. 6); one MVM per output position, windows unrolled with `backend.im2col`.
 * @since 0.1.0
 */
export function createArrayConv2dLayer(weights: Float32Array, bias: Float32Array | null, shape: Conv2dShape, options: AnalogMatrixOptions): ArrayConv2dLayer {
  const taps = shape.inputChannels * shape.kernelHeight * shape.kernelWidth
  if (weights.length !== taps * shape.outputChannels) throw new InvalidArgumentError('weights', `expected C_out·C_in·kh·kw = ${taps * shape.outputChannels} values, got ${weights.length}`)
  if (bias !== null && options.inputRange === undefined) throw new InvalidArgumentError('inputRange', 'a bias row needs a fixed inputRange (the bias input is driven at full scale)')
  const inputRange = options.inputRange ?? 1
  const plain = convWeightsToMatrix(weights, shape)
  const rows = bias === null ? taps : taps + 1
  const matrix = programAnalogMatrix(bias === null ? plain : withBiasRow(plain, bias, taps, shape.outputChannels, inputRange), rows, shape.outputChannels, options)
  const windows = (input: Float32Array, batch: number, height: number, width: number) => {
    const columns = unrollWindows(options.backend, input, batch, height, width, shape)
    const vectors = columns.positions * batch
    return { ...columns, vectors, rowsIn: bias === null ? columns.windows : appendBiasInput(columns.windows, vectors, taps, inputRange) }
  }
  return {
    matrix,
    forward(input, batch, height, width, forwardOptions) {
      const unrolled = windows(input, batch, height, width)
      const products = matrix.mvm(unrolled.rowsIn, unrolled.vectors, forwardOptions)
      const output = new Float32Array(batch * shape.outputChannels * unrolled.positions)
      for (let image = 0; image < batch; image++) {
        for (let position = 0; position < unrolled.positions; position++) {
          const source = (image * unrolled.positions + position) * shape.outputChannels
          for (let channel = 0; channel < shape.outputChannels; channel++) output[(image * shape.outputChannels + channel) * unrolled.positions + position] = products[source + channel]!
        }
      }
      return { output, height: unrolled.outputHeight, width: unrolled.outputWidth }
    },
    calibrate(input, batch, height, width) {
      const unrolled = windows(input, batch, height, width)
      matrix.calibrate(unrolled.rowsIn, unrolled.vectors)
    },
    activity: () => matrix.activity(),
  }
}

/** im2col through the backend, transposed to one window per row: (N·oh·ow) × taps. */
function unrollWindows(backend: ComputeBackendV1, input: Float32Array, batch: number, height: number, width: number, shape: Conv2dShape) {
  const columns = backend.im2col({ input, batch, channels: shape.inputChannels, height, width, ...shape })
  const taps = shape.inputChannels * shape.kernelHeight * shape.kernelWidth
  const outputHeight = Math.floor((height + shape.padTop + shape.padBottom - shape.kernelHeight) / shape.strideHeight) + 1
  const outputWidth = Math.floor((width + shape.padLeft + shape.padRight - shape.kernelWidth) / shape.strideWidth) + 1
  const positions = outputHeight * outputWidth
  const total = batch * positions
  const windows = new Float32Array(total * taps)
  for (let tap = 0; tap < taps; tap++) for (let index = 0; index < total; index++) windows[index * taps + tap] = columns[tap * total + index]!
  return { windows, positions, outputHeight, outputWidth }
}
