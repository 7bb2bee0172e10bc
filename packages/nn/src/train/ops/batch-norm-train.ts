import type { BatchNormLayer } from '../../ir/layer.js'
import { createParameter } from '../parameter.js'
import type { TrainNode } from '../train-node.js'

/** Weight of the newest batch in the running statistics (PyTorch's default momentum). */
const runningMomentum = 0.1

/**
 * Trainable batch norm (Ioffe & Szegedy 2015): batch statistics while training (running mean and
 * unbiased variance updated), running statistics otherwise. Backward:
 * dx = γ/(σ·n)·(n·dy − Σdy − x̂·Σ(dy·x̂)).
 * @since 0.1.0
 */
export function createBatchNormTrainNode(name: string, layer: BatchNormLayer, inputShape: readonly number[]): TrainNode {
  const channels = inputShape[0]!
  const perChannel = inputShape.slice(1).reduce((product, extent) => product * extent, 1)
  const scale = createParameter(`${name}.scale`, Float32Array.from(layer.scale))
  const shift = createParameter(`${name}.shift`, Float32Array.from(layer.shift))
  const mean = Float32Array.from(layer.mean)
  const variance = Float32Array.from(layer.variance)
  const inverseStd = new Float32Array(channels)
  let normalized = new Float32Array(0)
  return {
    parameters: [scale, shift],
    forward([input], batch, training) {
      const x = input!
      const output = new Float32Array(x.length)
      normalized = new Float32Array(x.length)
      const count = batch * perChannel
      for (let channel = 0; channel < channels; channel++) {
        let channelMean = mean[channel]!
        let channelVariance = variance[channel]!
        if (training) {
          let sum = 0
          let sumSquares = 0
          for (let image = 0; image < batch; image++) {
            const base = (image * channels + channel) * perChannel
            for (let index = base; index < base + perChannel; index++) {
              sum += x[index]!
              sumSquares += x[index]! * x[index]!
            }
          }
          channelMean = sum / count
          channelVariance = Math.max(sumSquares / count - channelMean * channelMean, 0)
          mean[channel] = (1 - runningMomentum) * mean[channel]! + runningMomentum * channelMean
          const unbiased = count > 1 ? (channelVariance * count) / (count - 1) : channelVariance
          variance[channel] = (1 - runningMomentum) * variance[channel]! + runningMomentum * unbiased
        }
        const invStd = 1 / Math.sqrt(channelVariance + layer.epsilon)
        inverseStd[channel] = invStd
        const gamma = scale.values[channel]!
        const beta = shift.values[channel]!
        for (let image = 0; image < batch; image++) {
          const base = (image * channels + channel) * perChannel
          for (let index = base; index < base + perChannel; index++) {
            const value = (x[index]! - channelMean) * invStd
            normalized[index] = value
            output[index] = gamma * value + beta
          }
        }
      }
      return output
    },
    backward(gradient, batch) {
      const inputGradient = new Float32Array(gradient.length)
      const count = batch * perChannel
      for (let channel = 0; channel < channels; channel++) {
        let sum = 0
        let sumNormalized = 0
        for (let image = 0; image < batch; image++) {
          const base = (image * channels + channel) * perChannel
          for (let index = base; index < base + perChannel; index++) {
            sum += gradient[index]!
            sumNormalized += gradient[index]! * normalized[index]!
          }
        }
        scale.gradient[channel]! += sumNormalized
        shift.gradient[channel]! += sum
        const factor = (scale.values[channel]! * inverseStd[channel]!) / count
        for (let image = 0; image < batch; image++) {
          const base = (image * channels + channel) * perChannel
          for (let index = base; index < base + perChannel; index++) {
            inputGradient[index] = factor * (count * gradient[index]! - sum - normalized[index]! * sumNormalized)
          }
        }
      }
      return [inputGradient]
    },
    export: () => ({ ...layer, scale: Float32Array.from(scale.values), shift: Float32Array.from(shift.values), mean: Float32Array.from(mean), variance: Float32Array.from(variance) }),
  }
}
