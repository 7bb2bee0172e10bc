import type { RandomSource } from '@cimkit/core'
import type { BatchNormLayer, Conv2dLayer, DenseLayer, Layer, SplitDenseLayer } from '../ir/layer.js'
import { createSequentialNetwork } from '../ir/network.js'
import type { Network } from '../ir/network.js'
import { initializeUniform } from '../train/initialize.js'

function dense(inputs: number, outputs: number, random: RandomSource, scheme: 'he' | 'glorot', bias = true): DenseLayer {
  return { op: 'dense', inputs, outputs, weight: initializeUniform(inputs * outputs, inputs, outputs, scheme, random), bias: bias ? new Float32Array(outputs) : null }
}

function conv(inChannels: number, outChannels: number, kernel: number, pad: number, random: RandomSource): Conv2dLayer {
  const fanIn = inChannels * kernel * kernel
  return {
    op: 'conv2d', inChannels, outChannels, kernel: [kernel, kernel], stride: [1, 1], pads: [pad, pad, pad, pad], groups: 1,
    weight: initializeUniform(outChannels * fanIn, fanIn, outChannels * kernel * kernel, 'he', random), bias: new Float32Array(outChannels),
  }
}

function batchNorm(channels: number): BatchNormLayer {
  return { op: 'batchNorm', scale: new Float32Array(channels).fill(1), shift: new Float32Array(channels), mean: new Float32Array(channels), variance: new Float32Array(channels).fill(1), epsilon: 1e-5 }
}

const relu: Layer = { op: 'relu' }
const sign: Layer = { op: 'sign' }
const flatten: Layer = { op: 'flatten' }
const maxPool: Layer = { op: 'maxPool2d', kernel: [2, 2], stride: [2, 2], pads: [0, 0, 0, 0] }

/**
 * Untrained reference architectures (initialized from `random`), by model name.
 * - `mlp-mnist`: 784-128-64-10 ReLU MLP.
 * - `lenet5-mnist`: LeNet-5 (LeCun et al. 1998) with ReLU and max pooling: conv 6@5×5 (pad 2),
 *   pool, conv 16@5×5, pool, 120, 84, 10.
 * - `bnn-mnist`: the binarized 784-1024-1024-10 of paper 004 (Hirtzlin et al. 2020, section
 *   "Binarized neural networks"): binary weights, batch norm at every layer, sign activations.
 * - `cnn-fashion`: conv 8@3×3 – BN – ReLU – pool – conv 16@3×3 – BN – ReLU – pool – 64 – 10.
 * - `bnn-split-mnist`: `bnn-mnist` with its hidden 1024→1024 layer input-split into 16 groups of
 *   64 rows, scale 1/20, batch norm after the merge (paper 002, Yin et al. 2019; the first layer,
 *   fed real pixels, and the classifier stay unsplit as in Kim et al.'s reference code).
 * @since 0.1.0
 */
export const referenceArchitectures: Readonly<Record<string, (random: RandomSource) => Network>> = {
  'mlp-mnist': (random) => createSequentialNetwork('mlp-mnist', [1, 28, 28], [
    ['flatten', flatten],
    ['fc1', dense(784, 128, random, 'he')], ['relu1', relu],
    ['fc2', dense(128, 64, random, 'he')], ['relu2', relu],
    ['fc3', dense(64, 10, random, 'glorot')],
  ]),
  'lenet5-mnist': (random) => createSequentialNetwork('lenet5-mnist', [1, 28, 28], [
    ['conv1', conv(1, 6, 5, 2, random)], ['relu1', relu], ['pool1', maxPool],
    ['conv2', conv(6, 16, 5, 0, random)], ['relu2', relu], ['pool2', maxPool],
    ['flatten', flatten],
    ['fc1', dense(400, 120, random, 'he')], ['relu3', relu],
    ['fc2', dense(120, 84, random, 'he')], ['relu4', relu],
    ['fc3', dense(84, 10, random, 'glorot')],
  ]),
  'bnn-mnist': (random) => createSequentialNetwork('bnn-mnist', [1, 28, 28], [
    ['flatten', flatten],
    ['fc1', dense(784, 1024, random, 'glorot', false)], ['bn1', batchNorm(1024)], ['sign1', sign],
    ['fc2', dense(1024, 1024, random, 'glorot', false)], ['bn2', batchNorm(1024)], ['sign2', sign],
    ['fc3', dense(1024, 10, random, 'glorot', false)], ['bn3', batchNorm(10)],
  ]),
  'cnn-fashion': (random) => createSequentialNetwork('cnn-fashion', [1, 28, 28], [
    ['conv1', conv(1, 8, 3, 1, random)], ['bn1', batchNorm(8)], ['relu1', relu], ['pool1', maxPool],
    ['conv2', conv(8, 16, 3, 1, random)], ['bn2', batchNorm(16)], ['relu2', relu], ['pool2', maxPool],
    ['flatten', flatten],
    ['fc1', dense(784, 64, random, 'he')], ['relu3', relu],
    ['fc2', dense(64, 10, random, 'glorot')],
  ]),
  'bnn-split-mnist': (random) => {
    const split: SplitDenseLayer = { op: 'splitDense', inputs: 1024, outputs: 1024, groupSize: 64, scale: 1 / 20, weight: initializeUniform(1024 * 1024, 1024, 1024, 'glorot', random) }
    return createSequentialNetwork('bnn-split-mnist', [1, 28, 28], [
      ['flatten', flatten],
      ['fc1', dense(784, 1024, random, 'glorot', false)], ['bn1', batchNorm(1024)], ['sign1', sign],
      ['fc2', split], ['bn2', batchNorm(1024)], ['sign2', sign],
      ['fc3', dense(1024, 10, random, 'glorot', false)], ['bn3', batchNorm(10)],
    ])
  },
}
