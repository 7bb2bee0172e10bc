import type { ComputeBackendV1 } from '@cimkit/core'
import type { Conv2dLayer } from '../../ir/layer.js'
import { checkProduct } from '../matmul-provider.js'
import type { MatmulFunction } from '../matmul-provider.js'

/** Copies channels [first, first + count) of an NCHW batch into a contiguous NCHW array. @since 0.1.0 */
export function sliceChannels(input: Float32Array, batch: number, channels: number, plane: number, first: number, count: number): Float32Array {
  if (first === 0 && count === channels) return input
  const output = new Float32Array(batch * count * plane)
  for (let image = 0; image < batch; image++) {
    const from = (image * channels + first) * plane
    output.set(input.subarray(from, from + count * plane), image * count * plane)
  }
  return output
}

/**
 * Unrolls a conv input into patches, (batch·outH·outW) × (C·kh·kw) row-major: one row per output
 * position, the batch×rows layout a matmul function takes. Built on the backend's im2col.
 * @since 0.1.0
 */
export function im2row(backend: ComputeBackendV1, input: Float32Array, batch: number, shape: readonly number[], layer: Conv2dLayer, channels: number): Float32Array {
  const columns = backend.im2col({
    input, batch, channels, height: shape[1]!, width: shape[2]!,
    kernelHeight: layer.kernel[0], kernelWidth: layer.kernel[1], strideHeight: layer.stride[0], strideWidth: layer.stride[1],
    padTop: layer.pads[0], padLeft: layer.pads[1], padBottom: layer.pads[2], padRight: layer.pads[3],
  })
  const rows = channels * layer.kernel[0] * layer.kernel[1]
  const positions = columns.length / rows
  const patches = new Float32Array(columns.length)
  for (let row = 0; row < rows; row++) {
    const offset = row * positions
    for (let position = 0; position < positions; position++) patches[position * rows + row] = columns[offset + position]!
  }
  return patches
}

/**
 * Convolution forward through one matmul function per group; bias added digitally.
 * @since 0.1.0
 */
export function conv2dForward(
  backend: ComputeBackendV1, layer: Conv2dLayer, matmuls: readonly MatmulFunction[],
  input: Float32Array, batch: number, inputShape: readonly number[], outputShape: readonly number[],
): Float32Array {
  const [outChannels, outputHeight, outputWidth] = outputShape as [number, number, number]
  const plane = outputHeight * outputWidth
  const inputPlane = inputShape[1]! * inputShape[2]!
  const channelsPerGroup = layer.inChannels / layer.groups
  const outputsPerGroup = outChannels / layer.groups
  const output = new Float32Array(batch * outChannels * plane)
  for (let group = 0; group < layer.groups; group++) {
    const groupInput = sliceChannels(input, batch, layer.inChannels, inputPlane, group * channelsPerGroup, channelsPerGroup)
    const patches = im2row(backend, groupInput, batch, inputShape, layer, channelsPerGroup)
    const product = checkProduct(matmuls[group]!(patches, batch * plane), batch * plane, outputsPerGroup)
    for (let image = 0; image < batch; image++) {
      for (let column = 0; column < outputsPerGroup; column++) {
        const channel = group * outputsPerGroup + column
        const bias = layer.bias === null ? 0 : layer.bias[channel]!
        const target = (image * outChannels + channel) * plane
        const source = image * plane * outputsPerGroup + column
        for (let position = 0; position < plane; position++) output[target + position] = product[source + position * outputsPerGroup]! + bias
      }
    }
  }
  return output
}
