import { sliceChannels } from '../../execute/ops/conv2d.js'
import type { Conv2dLayer } from '../../ir/layer.js'
import { transpose } from '../matrix-helpers.js'
import { createParameter } from '../parameter.js'
import { ArrayWeights } from '../train-node.js'
import type { TrainContext, TrainNode } from '../train-node.js'

/**
 * Adds a (C·kh·kw) × (N·outH·outW) column matrix back onto NCHW images: the adjoint of im2col,
 * which turns patch gradients into input gradients.
 * @since 0.1.0
 */
export function col2im(columns: Float32Array, out: Float32Array, batch: number, shape: readonly [number, number, number], layer: Conv2dLayer, outputShape: readonly number[]): void {
  const [channels, height, width] = shape
  const [kernelHeight, kernelWidth] = layer.kernel
  const [strideHeight, strideWidth] = layer.stride
  const [padTop, padLeft] = layer.pads
  const outputHeight = outputShape[1]!
  const outputWidth = outputShape[2]!
  const positions = batch * outputHeight * outputWidth
  for (let channel = 0; channel < channels; channel++) {
    for (let ky = 0; ky < kernelHeight; ky++) {
      for (let kx = 0; kx < kernelWidth; kx++) {
        const rowOffset = ((channel * kernelHeight + ky) * kernelWidth + kx) * positions
        for (let image = 0; image < batch; image++) {
          const imageOffset = (image * channels + channel) * height * width
          for (let oy = 0; oy < outputHeight; oy++) {
            const y = oy * strideHeight - padTop + ky
            if (y < 0 || y >= height) continue
            const source = rowOffset + (image * outputHeight + oy) * outputWidth
            for (let ox = 0; ox < outputWidth; ox++) {
              const x = ox * strideWidth - padLeft + kx
              if (x >= 0 && x < width) out[imageOffset + y * width + x]! += columns[source + ox]!
            }
          }
        }
      }
    }
  }
}

/**
 * Trainable convolution, per group as GEMMs over im2col columns: Y = colsᵀ·W_m (W_m = Wᵀ, rows =
 * kernel taps), dW_m = cols·dY, dcols = W_m·dYᵀ, then col2im.
 * @since 0.1.0
 */
export function createConv2dTrainNode(name: string, layer: Conv2dLayer, inputShape: readonly number[], outputShape: readonly number[], context: TrainContext, needsInputGradient: boolean): TrainNode {
  const { groups, inChannels, outChannels } = layer
  const [, height, width] = inputShape as [number, number, number]
  const plane = outputShape[1]! * outputShape[2]!
  const channelsPerGroup = inChannels / groups
  const outputsPerGroup = outChannels / groups
  const rows = channelsPerGroup * layer.kernel[0] * layer.kernel[1]
  const weights = new ArrayWeights(name, layer.weight, context)
  const bias = layer.bias === null ? null : createParameter(`${name}.bias`, Float32Array.from(layer.bias))
  let columns: Float32Array[] = []
  let matrices: Float32Array[] = []
  let batchSize = 0
  const groupShape = [channelsPerGroup, height, width] as const
  return {
    parameters: bias === null ? [weights.weight] : [weights.weight, bias],
    forward([x], batch, training) {
      const input = weights.input(x!, training)
      const w = weights.refresh(training)
      batchSize = batch
      const positions = batch * plane
      const output = new Float32Array(batch * outChannels * plane)
      columns = []
      matrices = []
      for (let group = 0; group < groups; group++) {
        const groupInput = sliceChannels(input, batch, inChannels, height * width, group * channelsPerGroup, channelsPerGroup)
        const cols = context.backend.im2col({
          input: groupInput, batch, channels: channelsPerGroup, height, width, kernelHeight: layer.kernel[0], kernelWidth: layer.kernel[1],
          strideHeight: layer.stride[0], strideWidth: layer.stride[1], padTop: layer.pads[0], padLeft: layer.pads[1], padBottom: layer.pads[2], padRight: layer.pads[3],
        })
        const matrix = transpose(w.subarray(group * outputsPerGroup * rows, (group + 1) * outputsPerGroup * rows), outputsPerGroup, rows)
        const product = new Float32Array(positions * outputsPerGroup)
        context.backend.gemm({ m: positions, n: outputsPerGroup, k: rows, a: cols, transposeA: true, b: matrix, c: product })
        for (let image = 0; image < batch; image++) {
          for (let column = 0; column < outputsPerGroup; column++) {
            const channel = group * outputsPerGroup + column
            const shift = bias === null ? 0 : bias.values[channel]!
            const target = (image * outChannels + channel) * plane
            const source = image * plane * outputsPerGroup + column
            for (let position = 0; position < plane; position++) output[target + position] = product[source + position * outputsPerGroup]! + shift
          }
        }
        columns.push(cols)
        matrices.push(matrix)
      }
      return output
    },
    backward(gradient, batch) {
      const positions = batch * plane
      const inputGradient = needsInputGradient ? new Float32Array(batch * inChannels * height * width) : null
      for (let group = 0; group < groups; group++) {
        // dY as positions×outputs and its transpose outputs×positions, both from the NCHW gradient.
        const outputGradient = new Float32Array(positions * outputsPerGroup)
        const outputGradientT = new Float32Array(outputsPerGroup * positions)
        for (let image = 0; image < batch; image++) {
          for (let column = 0; column < outputsPerGroup; column++) {
            const channel = group * outputsPerGroup + column
            const source = (image * outChannels + channel) * plane
            let sum = 0
            for (let position = 0; position < plane; position++) {
              const value = gradient[source + position]!
              outputGradient[(image * plane + position) * outputsPerGroup + column] = value
              outputGradientT[column * positions + image * plane + position] = value
              sum += value
            }
            if (bias !== null) bias.gradient[channel]! += sum
          }
        }
        const matrixGradient = new Float32Array(rows * outputsPerGroup)
        context.backend.gemm({ m: rows, n: outputsPerGroup, k: positions, a: columns[group]!, b: outputGradient, c: matrixGradient })
        const weightGradient = weights.weight.gradient
        const offset = group * outputsPerGroup * rows
        for (let row = 0; row < rows; row++) {
          for (let column = 0; column < outputsPerGroup; column++) weightGradient[offset + column * rows + row]! += matrixGradient[row * outputsPerGroup + column]!
        }
        if (inputGradient === null) continue
        const columnGradient = new Float32Array(rows * positions)
        context.backend.gemm({ m: rows, n: positions, k: outputsPerGroup, a: matrices[group]!, b: outputGradientT, c: columnGradient })
        const groupGradient = new Float32Array(batch * channelsPerGroup * height * width)
        col2im(columnGradient, groupGradient, batchSize, groupShape, layer, outputShape)
        for (let image = 0; image < batch; image++) {
          inputGradient.set(groupGradient.subarray(image * channelsPerGroup * height * width, (image + 1) * channelsPerGroup * height * width), (image * inChannels + group * channelsPerGroup) * height * width)
        }
      }
      if (inputGradient !== null) weights.maskInputGradient(inputGradient)
      return [inputGradient]
    },
    export: () => ({ ...layer, weight: weights.exported(), bias: bias === null ? null : Float32Array.from(bias.values) }),
  }
}
