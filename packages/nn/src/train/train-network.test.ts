import { createRandomSource } from '@cimkit/core'
import type { RandomSource } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { datasetHead } from '../datasets/dataset.js'
import { loadMnist } from '../datasets/mnist.js'
import { isArrayLayer } from '../ir/layer.js'
import type { Layer } from '../ir/layer.js'
import { createSequentialNetwork } from '../ir/network.js'
import type { Network } from '../ir/network.js'
import { initializeUniform } from './initialize.js'
import { referenceArchitectures } from '../models/architectures.js'
import { trainingConfigSchema } from './training-config.js'
import type { TrainingConfigInput } from './training-config.js'
import { trainNetwork } from './train-network.js'
import { createDeviceWeightNoise } from './weight-transform.js'

const train = loadMnist('train', { limit: 600 })
const test = datasetHead(loadMnist('test', { limit: 300 }), 300)
const base: TrainingConfigInput = { epochs: 2, batchSize: 50, seed: 3, optimizer: { type: 'adam', learningRate: 0.003 } }

/** A small binarized network with an input-split hidden layer (16-row groups), sized for tests. */
function smallSplitBnn(random: RandomSource): Network {
  const init = (size: number, fanIn: number, fanOut: number) => initializeUniform(size, fanIn, fanOut, 'glorot', random)
  const batchNorm = (channels: number): Layer => ({ op: 'batchNorm', scale: new Float32Array(channels).fill(1), shift: new Float32Array(channels), mean: new Float32Array(channels), variance: new Float32Array(channels).fill(1), epsilon: 1e-5 })
  return createSequentialNetwork('small-split-bnn', [1, 28, 28], [
    ['flatten', { op: 'flatten' }],
    ['fc1', { op: 'dense', inputs: 784, outputs: 64, weight: init(784 * 64, 784, 64), bias: null }], ['bn1', batchNorm(64)], ['sign1', { op: 'sign' }],
    ['fc2', { op: 'splitDense', inputs: 64, outputs: 32, groupSize: 16, scale: 1 / 5, weight: init(64 * 32, 64, 32) }], ['bn2', batchNorm(32)], ['sign2', { op: 'sign' }],
    ['fc3', { op: 'dense', inputs: 32, outputs: 10, weight: init(320, 32, 10), bias: null }], ['bn3', batchNorm(10)],
  ])
}

function weights(network: Network): number[][] {
  return network.nodes.flatMap((node) => (isArrayLayer(node.layer) ? [Array.from(node.layer.weight)] : []))
}

describe('trainNetwork', () => {
  it('learns MNIST (MLP, 600 images, 4 epochs: test accuracy > 75 % on 300 images)', { timeout: 30_000 }, () => {
    const result = trainNetwork(referenceArchitectures['mlp-mnist']!(createRandomSource(3).stream('init')), { backend: referenceBackend, config: { ...base, epochs: 4 }, train, test })
    expect(result.history[3]!.loss).toBeLessThan(result.history[0]!.loss)
    // Measured 86.0 % for this seed; 75 % is about 5.5 binomial σ (n = 300) below.
    expect(result.history[3]!.testAccuracy).toBeGreaterThan(0.75)
  })

  it('is reproducible: the same seed and data give identical weights', { timeout: 30_000 }, () => {
    const run = () => trainNetwork(referenceArchitectures['mlp-mnist']!(createRandomSource(3).stream('init')), { backend: referenceBackend, config: { ...base, epochs: 1, trainSamples: 150 }, train })
    expect(weights(run().network)).toEqual(weights(run().network))
  })

  it('binarized training with an input-split layer (straight-through estimator) exports ±1 weights that classify (> 65 %)', { timeout: 30_000 }, () => {
    const result = trainNetwork(smallSplitBnn(createRandomSource(3).stream('init')), {
      backend: referenceBackend, config: { ...base, epochs: 4, optimizer: { type: 'adam', learningRate: 0.01 }, weights: { mode: 'binary' } }, train, test,
    })
    for (const values of weights(result.network)) expect(values.every((value) => value === 1 || value === -1)).toBe(true)
    // Measured 77.7 % after 4 epochs for this seed (300 test images); 65 % is about 4.5 binomial σ below.
    expect(result.history[3]!.testAccuracy).toBeGreaterThan(0.65)
  })

  it('quantization-aware training exports weights on at most 2^(bits−1)·2 − 1 levels per layer', () => {
    const result = trainNetwork(referenceArchitectures['mlp-mnist']!(createRandomSource(3).stream('init')), {
      backend: referenceBackend, config: { ...base, epochs: 1, trainSamples: 300, weights: { mode: 'quantized', bits: 3 }, activationBits: 4, weightClip: 0.5 }, train,
    })
    for (const values of weights(result.network)) expect(new Set(values).size).toBeLessThanOrEqual(7)
  })

  it('noise injection from a device model perturbs training (differential pair programmed through doProgram)', () => {
    const programmed: number[] = []
    const device = {
      conductanceRangeS: { minS: 1e-6, maxS: 1e-4 },
      levelsS: null,
      // A device whose cells all land 10 % above target: the read-back weight is 10 % larger.
      doProgram: (targets: Float32Array) => {
        programmed.push(targets.length)
        return { conductanceS: targets.map((value) => value * 1.1) }
      },
    } as never
    const noise = createDeviceWeightNoise(device)
    const weightsIn = Float32Array.from([0.5, -1, 0])
    noise(weightsIn, createRandomSource(1), 'fc')
    // (1.1·G⁺ − 1.1·G⁻) read back: 0.5 → 0.55, −1 → −1.1, 0 → 0 (both cells at G_min).
    expect(Array.from(weightsIn).map((value) => Number(value.toFixed(5)))).toEqual([0.55, -1.1, 0])
    expect(programmed).toEqual([6])
    const result = trainNetwork(referenceArchitectures['mlp-mnist']!(createRandomSource(3).stream('init')), {
      backend: referenceBackend, config: { ...base, epochs: 1, trainSamples: 200 }, train, noise,
    })
    expect(programmed.length).toBeGreaterThan(3 * 4)
    expect(Number.isFinite(result.history[0]!.loss)).toBe(true)
  })

  it('a config naming device noise is refused without the device model the host builds (nn has no device registry)', () => {
    const config: TrainingConfigInput = { ...base, epochs: 1, trainSamples: 50, noise: { type: 'device', device: { type: 'rram', programmingError: 0.1 } } }
    expect(trainingConfigSchema.parse(config).noise).toEqual({ type: 'device', device: { type: 'rram', programmingError: 0.1 } })
    expect(() => trainNetwork(referenceArchitectures['mlp-mnist']!(createRandomSource(3).stream('init')), { backend: referenceBackend, config, train })).toThrow(/device noise \(device "rram"\) needs the device model/)
    expect(() => trainingConfigSchema.parse({ ...config, noise: { type: 'device' } })).toThrow(/device/)
  })

  it('device noise snaps targets to a multi-level device (2-bit: 4 levels)', () => {
    const levelsS = [1e-6, 34e-6, 67e-6, 100e-6]
    const device = { conductanceRangeS: { minS: 1e-6, maxS: 100e-6 }, levelsS, doProgram: (targets: Float32Array) => ({ conductanceS: targets }) } as never
    const values = Float32Array.from([1, 0.6, -0.2, 0])
    createDeviceWeightNoise(device)(values, createRandomSource(1), 'fc')
    // 0.6 → G⁺ = 60.4 µS → nearest level 67 µS → (67 − 1)/99 = 0.667; −0.2 → 20.8 µS → 34 µS → −0.333.
    expect(Array.from(values).map((value) => Number(value.toFixed(3)))).toEqual([1, 0.667, -0.333, 0])
  })
})
