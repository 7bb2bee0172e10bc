import { createRandomSource } from '@cimkit/core'
import type { PumaNetwork } from '../../network/puma-network.js'

function uniform(seed: number, length: number, scale: number): Float32Array {
  const values = new Float32Array(length)
  createRandomSource(seed).fillUniform(values, -scale, scale)
  return values
}

/** A 300-200-10 MLP with tanh and sigmoid, Glorot-scaled seeded weights. */
export function mlpNetwork(seed: number): PumaNetwork {
  return {
    name: 'mlp',
    inputShape: [300],
    layers: [
      { kind: 'dense', name: 'fc1', inputs: 300, outputs: 200, weights: uniform(seed, 300 * 200, Math.sqrt(6 / 500)), bias: uniform(seed + 1, 200, 0.1) },
      { kind: 'tanh', name: 'tanh1' },
      { kind: 'dense', name: 'fc2', inputs: 200, outputs: 10, weights: uniform(seed + 2, 200 * 10, Math.sqrt(6 / 210)), bias: uniform(seed + 3, 10, 0.1) },
      { kind: 'sigmoid', name: 'sig2' },
    ],
  }
}

/** LeNet-5's shape on a 1×28×28 input: conv 6@5×5, max pool, conv 16@5×5, average pool, 256-120-84-10. */
export function lenetNetwork(seed: number): PumaNetwork {
  return {
    name: 'lenet5',
    inputShape: [1, 28, 28],
    layers: [
      { kind: 'conv2d', name: 'conv1', inputChannels: 1, outputChannels: 6, kernelHeight: 5, kernelWidth: 5, weights: uniform(seed, 6 * 25, Math.sqrt(6 / 31)), bias: uniform(seed + 1, 6, 0.1) },
      { kind: 'relu', name: 'relu1' },
      { kind: 'maxpool2d', name: 'pool1', kernel: 2 },
      { kind: 'conv2d', name: 'conv2', inputChannels: 6, outputChannels: 16, kernelHeight: 5, kernelWidth: 5, weights: uniform(seed + 2, 16 * 6 * 25, Math.sqrt(6 / 166)), bias: uniform(seed + 3, 16, 0.1) },
      { kind: 'relu', name: 'relu2' },
      { kind: 'avgpool2d', name: 'pool2', kernel: 2 },
      { kind: 'flatten', name: 'flatten' },
      { kind: 'dense', name: 'fc1', inputs: 256, outputs: 120, weights: uniform(seed + 4, 256 * 120, Math.sqrt(6 / 376)), bias: uniform(seed + 5, 120, 0.1) },
      { kind: 'relu', name: 'relu3' },
      { kind: 'dense', name: 'fc2', inputs: 120, outputs: 84, weights: uniform(seed + 6, 120 * 84, Math.sqrt(6 / 204)), bias: uniform(seed + 7, 84, 0.1) },
      { kind: 'relu', name: 'relu4' },
      { kind: 'dense', name: 'fc3', inputs: 84, outputs: 10, weights: uniform(seed + 8, 84 * 10, Math.sqrt(6 / 94)) },
    ],
  }
}

/** A seeded input in [0, 1). */
export function randomInput(seed: number, length: number): Float32Array {
  const values = new Float32Array(length)
  createRandomSource(seed).fillUniform(values, 0, 1)
  return values
}

/** Padding, stride 2, a 3-channel input, 130 channels (two column blocks), pooling per channel block and a 3-D output. */
export function paddedConvNetwork(seed: number): PumaNetwork {
  return {
    name: 'padded',
    inputShape: [3, 9, 9],
    layers: [
      { kind: 'conv2d', name: 'conv1', inputChannels: 3, outputChannels: 130, kernelHeight: 3, kernelWidth: 3, stride: 2, padding: 1, weights: uniform(seed, 130 * 27, Math.sqrt(6 / 157)), bias: uniform(seed + 1, 130, 0.1) },
      { kind: 'maxpool2d', name: 'pool1', kernel: 2, stride: 1 },
      { kind: 'relu', name: 'relu1' },
      { kind: 'conv2d', name: 'conv2', inputChannels: 130, outputChannels: 4, kernelHeight: 2, kernelWidth: 2, padding: 1, weights: uniform(seed + 2, 4 * 130 * 4, Math.sqrt(6 / 524)) },
      { kind: 'tanh', name: 'tanh2' },
    ],
  }
}

/** A CIFAR-sized first layer whose 32×32×32 output (32 768 words) cannot share one 64 KB tile with its input. */
export function cifarConvNetwork(seed: number): PumaNetwork {
  return {
    name: 'cifar-conv',
    inputShape: [3, 32, 32],
    layers: [
      { kind: 'conv2d', name: 'conv1', inputChannels: 3, outputChannels: 32, kernelHeight: 3, kernelWidth: 3, padding: 1, weights: uniform(seed, 32 * 27, Math.sqrt(6 / 59)), bias: uniform(seed + 1, 32, 0.1) },
      { kind: 'relu', name: 'relu1' },
      { kind: 'avgpool2d', name: 'pool1', kernel: 4 },
      { kind: 'flatten', name: 'flatten' },
      { kind: 'dense', name: 'fc', inputs: 2048, outputs: 10, weights: uniform(seed + 2, 2048 * 10, Math.sqrt(6 / 2058)) },
    ],
  }
}
