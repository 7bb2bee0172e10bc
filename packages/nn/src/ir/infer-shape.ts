import { NetworkError } from '../errors/network-error.js'
import type { Layer } from './layer.js'

/**
 * Output extent of a sliding window along one axis (convolution or pooling).
 * @example windowOutputSize(28, 5, 1, 2, 2) // returns 28
 * @since 0.1.0
 */
export function windowOutputSize(size: number, kernel: number, stride: number, padBefore: number, padAfter: number): number {
  return Math.floor((size + padBefore + padAfter - kernel) / stride) + 1
}

function size(shape: readonly number[]): number {
  let total = 1
  for (const extent of shape) total *= extent
  return total
}

function expectLength(node: string, what: string, array: Float32Array | null, expected: number): void {
  if (array !== null && array.length !== expected) {
    throw new NetworkError(node, `${what} has ${array.length} values, expected ${expected}`)
  }
}

function expectImage(node: string, op: string, shape: readonly number[]): readonly [number, number, number] {
  if (shape.length !== 3) throw new NetworkError(node, `${op} needs a [channels, height, width] input, got [${shape.join(', ')}]`)
  return [shape[0]!, shape[1]!, shape[2]!]
}

function windowShape(node: string, op: string, shape: readonly number[], channels: number, kernel: readonly [number, number], stride: readonly [number, number], pads: readonly number[]): number[] {
  const [, height, width] = expectImage(node, op, shape)
  if (kernel.some((k) => !Number.isInteger(k) || k < 1) || stride.some((s) => !Number.isInteger(s) || s < 1) || pads.some((p) => !Number.isInteger(p) || p < 0)) {
    throw new NetworkError(node, `${op} needs positive integer kernel and stride and non-negative pads`)
  }
  const outputHeight = windowOutputSize(height, kernel[0], stride[0], pads[0]!, pads[2]!)
  const outputWidth = windowOutputSize(width, kernel[1], stride[1], pads[1]!, pads[3]!)
  if (outputHeight < 1 || outputWidth < 1) {
    throw new NetworkError(node, `${op} kernel ${kernel.join('×')} does not fit a ${height}×${width} input`)
  }
  return [channels, outputHeight, outputWidth]
}

/**
 * Checks a layer's parameters against its input shapes and returns its output shape (per sample).
 * Throws {@link NetworkError} naming the node on any mismatch.
 * @since 0.1.0
 */
export function inferLayerShape(node: string, layer: Layer, inputs: readonly (readonly number[])[]): number[] {
  const expectedInputs = layer.op === 'add' ? 2 : 1
  if (inputs.length !== expectedInputs) throw new NetworkError(node, `${layer.op} takes ${expectedInputs} input(s), got ${inputs.length}`)
  const shape = inputs[0]!
  switch (layer.op) {
    case 'dense':
    case 'splitDense': {
      if (shape.length !== 1 || shape[0] !== layer.inputs) {
        throw new NetworkError(node, `${layer.op} expects [${layer.inputs}] inputs, got [${shape.join(', ')}] (flatten first?)`)
      }
      expectLength(node, 'weight', layer.weight, layer.inputs * layer.outputs)
      if (layer.op === 'dense') expectLength(node, 'bias', layer.bias, layer.outputs)
      else if (!Number.isInteger(layer.groupSize) || layer.groupSize < 1) throw new NetworkError(node, `groupSize must be a positive integer`)
      return [layer.outputs]
    }
    case 'conv2d': {
      const [channels] = expectImage(node, 'conv2d', shape)
      const { inChannels, outChannels, groups, kernel } = layer
      if (channels !== inChannels) throw new NetworkError(node, `conv2d expects ${inChannels} input channels, got ${channels}`)
      if (!Number.isInteger(groups) || groups < 1 || inChannels % groups !== 0 || outChannels % groups !== 0) {
        throw new NetworkError(node, `groups ${groups} must divide input channels ${inChannels} and output channels ${outChannels}`)
      }
      expectLength(node, 'weight', layer.weight, outChannels * (inChannels / groups) * kernel[0] * kernel[1])
      expectLength(node, 'bias', layer.bias, outChannels)
      return windowShape(node, 'conv2d', shape, outChannels, kernel, layer.stride, layer.pads)
    }
    case 'maxPool2d':
    case 'avgPool2d':
      return windowShape(node, layer.op, shape, expectImage(node, layer.op, shape)[0], layer.kernel, layer.stride, layer.pads)
    case 'globalAvgPool':
      return [expectImage(node, 'globalAvgPool', shape)[0]]
    case 'batchNorm': {
      const channels = shape[0]
      if (channels === undefined) throw new NetworkError(node, 'batchNorm needs a non-scalar input')
      for (const [what, array] of [['scale', layer.scale], ['shift', layer.shift], ['mean', layer.mean], ['variance', layer.variance]] as const) {
        expectLength(node, what, array, channels)
      }
      return [...shape]
    }
    case 'flatten':
      return [size(shape)]
    case 'reshape': {
      if (size(layer.shape) !== size(shape) || layer.shape.some((extent) => !Number.isInteger(extent) || extent < 1)) {
        throw new NetworkError(node, `cannot reshape [${shape.join(', ')}] to [${layer.shape.join(', ')}]`)
      }
      return [...layer.shape]
    }
    case 'add': {
      const other = inputs[1]!
      if (other.length !== shape.length || other.some((extent, axis) => extent !== shape[axis])) {
        throw new NetworkError(node, `add needs equal shapes, got [${shape.join(', ')}] and [${other.join(', ')}]`)
      }
      return [...shape]
    }
    case 'hardtanh':
      if (!(layer.min < layer.max)) throw new NetworkError(node, `hardtanh needs min < max, got ${layer.min}, ${layer.max}`)
      return [...shape]
    case 'relu':
    case 'sign':
      return [...shape]
    case 'softmax':
      if (shape.length !== 1) throw new NetworkError(node, `softmax expects a vector, got [${shape.join(', ')}]`)
      return [...shape]
  }
}
