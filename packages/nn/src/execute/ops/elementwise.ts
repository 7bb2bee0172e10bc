import type { BatchNormLayer } from '../../ir/layer.js'

/**
 * Inference batch norm per channel; `perChannel` = number of values per sample per channel (H·W
 * for feature maps, 1 for vectors).
 * @since 0.1.0
 */
export function batchNormForward(layer: BatchNormLayer, input: Float32Array, batch: number, channels: number, perChannel: number): Float32Array {
  const output = new Float32Array(input.length)
  for (let channel = 0; channel < channels; channel++) {
    const gain = layer.scale[channel]! / Math.sqrt(layer.variance[channel]! + layer.epsilon)
    const offset = layer.shift[channel]! - gain * layer.mean[channel]!
    for (let image = 0; image < batch; image++) {
      const base = (image * channels + channel) * perChannel
      for (let index = base; index < base + perChannel; index++) output[index] = gain * input[index]! + offset
    }
  }
  return output
}

/** max(x, 0). @since 0.1.0 */
export function reluForward(input: Float32Array): Float32Array {
  const output = new Float32Array(input.length)
  for (let index = 0; index < input.length; index++) output[index] = input[index]! > 0 ? input[index]! : 0
  return output
}

/** Clip(x, min, max). @since 0.1.0 */
export function hardtanhForward(input: Float32Array, min: number, max: number): Float32Array {
  const output = new Float32Array(input.length)
  for (let index = 0; index < input.length; index++) output[index] = Math.min(Math.max(input[index]!, min), max)
  return output
}

/**
 * Binarization: +1 for x ≥ 0, −1 otherwise.
 * NOTE: 0 maps to +1 (BinaryNet's convention, the one a sense amplifier with threshold 0 realises;
 * digest seed-002-004 A.1.5), unlike ONNX Sign which gives 0 for 0.
 * @since 0.1.0
 */
export function signForward(input: Float32Array): Float32Array {
  const output = new Float32Array(input.length)
  for (let index = 0; index < input.length; index++) output[index] = input[index]! >= 0 ? 1 : -1
  return output
}

/** Element-wise a + b. @since 0.1.0 */
export function addForward(a: Float32Array, b: Float32Array): Float32Array {
  const output = new Float32Array(a.length)
  for (let index = 0; index < a.length; index++) output[index] = a[index]! + b[index]!
  return output
}

/** Softmax over each row of batch×features, computed stably (max subtracted). @since 0.1.0 */
export function softmaxForward(input: Float32Array, batch: number, features: number): Float32Array {
  const output = new Float32Array(input.length)
  for (let image = 0; image < batch; image++) {
    const base = image * features
    let max = -Infinity
    for (let index = 0; index < features; index++) max = Math.max(max, input[base + index]!)
    let sum = 0
    for (let index = 0; index < features; index++) {
      const value = Math.exp(input[base + index]! - max)
      output[base + index] = value
      sum += value
    }
    for (let index = 0; index < features; index++) output[base + index]! /= sum
  }
  return output
}
