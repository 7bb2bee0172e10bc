import { addForward, hardtanhForward, reluForward, signForward } from '../../execute/ops/elementwise.js'
import { globalAvgPoolForward, pool2dForward } from '../../execute/ops/pool2d.js'
import type { Layer, Pool2dLayer } from '../../ir/layer.js'
import type { TrainNode } from '../train-node.js'

/** Element-wise op whose gradient is dy where `passes(x)` holds and 0 elsewhere. */
function masked(layer: Layer, forward: (x: Float32Array) => Float32Array, passes: (x: number) => boolean): TrainNode {
  let input: Float32Array = new Float32Array(0)
  return {
    parameters: [],
    forward([x]) {
      input = x!
      return forward(input)
    },
    backward(gradient) {
      const inputGradient = new Float32Array(gradient.length)
      for (let index = 0; index < gradient.length; index++) if (passes(input[index]!)) inputGradient[index] = gradient[index]!
      return [inputGradient]
    },
    export: () => layer,
  }
}

/**
 * Parameter-free nodes: activations (sign with the straight-through estimator of paper 004,
 * eq. 3: the gradient of Hardtanh, 1 on [−1, 1]), reshapes, add, pooling.
 * @since 0.1.0
 */
export function createElementwiseTrainNode(layer: Exclude<Layer, { op: 'dense' | 'conv2d' | 'splitDense' | 'batchNorm' | 'softmax' }>, inputShape: readonly number[], outputShape: readonly number[]): TrainNode {
  switch (layer.op) {
    case 'relu':
      return masked(layer, reluForward, (x) => x > 0)
    case 'hardtanh':
      return masked(layer, (x) => hardtanhForward(x, layer.min, layer.max), (x) => x >= layer.min && x <= layer.max)
    case 'sign':
      return masked(layer, signForward, (x) => x >= -1 && x <= 1)
    case 'flatten':
    case 'reshape':
      return { parameters: [], forward: ([x]) => x!, backward: (gradient) => [gradient], export: () => layer }
    case 'add':
      return { parameters: [], forward: ([a, b]) => addForward(a!, b!), backward: (gradient) => [gradient, Float32Array.from(gradient)], export: () => layer }
    case 'globalAvgPool': {
      const plane = inputShape[1]! * inputShape[2]!
      return {
        parameters: [],
        forward: ([x], batch) => globalAvgPoolForward(x!, batch, inputShape),
        backward(gradient) {
          const inputGradient = new Float32Array(gradient.length * plane)
          for (let index = 0; index < gradient.length; index++) inputGradient.fill(gradient[index]! / plane, index * plane, (index + 1) * plane)
          return [inputGradient]
        },
        export: () => layer,
      }
    }
    case 'maxPool2d':
    case 'avgPool2d':
      return createPoolTrainNode(layer, inputShape, outputShape)
  }
}

function createPoolTrainNode(layer: Pool2dLayer, inputShape: readonly number[], outputShape: readonly number[]): TrainNode {
  let argmax = new Int32Array(0)
  let inputLength = 0
  const [, height, width] = inputShape as [number, number, number]
  const [, outputHeight, outputWidth] = outputShape as [number, number, number]
  return {
    parameters: [],
    forward([x], batch) {
      inputLength = x!.length
      if (argmax.length !== (x!.length / (height * width)) * outputHeight * outputWidth) argmax = new Int32Array((x!.length / (height * width)) * outputHeight * outputWidth)
      return pool2dForward(layer, x!, batch, inputShape, outputShape, argmax)
    },
    backward(gradient) {
      const inputGradient = new Float32Array(inputLength)
      if (layer.op === 'maxPool2d') {
        for (let index = 0; index < gradient.length; index++) if (argmax[index]! >= 0) inputGradient[argmax[index]!]! += gradient[index]!
        return [inputGradient]
      }
      const [kernelHeight, kernelWidth] = layer.kernel
      let source = 0
      for (let plane = 0; plane < inputLength / (height * width); plane++) {
        const base = plane * height * width
        for (let oy = 0; oy < outputHeight; oy++) {
          const y0 = oy * layer.stride[0] - layer.pads[0]
          const yStart = Math.max(y0, 0)
          const yEnd = Math.min(y0 + kernelHeight, height)
          for (let ox = 0; ox < outputWidth; ox++) {
            const x0 = ox * layer.stride[1] - layer.pads[1]
            const xStart = Math.max(x0, 0)
            const xEnd = Math.min(x0 + kernelWidth, width)
            const count = layer.countIncludePad === true ? kernelHeight * kernelWidth : (yEnd - yStart) * (xEnd - xStart)
            const share = count > 0 ? gradient[source]! / count : 0
            for (let y = yStart; y < yEnd; y++) for (let x = xStart; x < xEnd; x++) inputGradient[base + y * width + x]! += share
            source++
          }
        }
      }
      return [inputGradient]
    },
    export: () => layer,
  }
}
