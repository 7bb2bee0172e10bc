import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { InvalidArgumentError } from '@cimkit/core'
import { selectBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { loadMnist } from '../datasets/mnist.js'
import { evaluateAccuracy } from '../execute/evaluate-accuracy.js'
import { createNetworkExecutor } from '../execute/network-executor.js'
import { trainingConfigSchema } from '../train/training-config.js'
import type { ReferenceModelAccuracy, ReferenceModelConfig } from './reference-models.js'
import { loadNetworkFiles } from './reference-models.js'
import { trainModelFromConfig } from './train-reference-model.js'

const deviceNoiseModel = fileURLToPath(new URL('../../models/mlp-mnist-device-noise/', import.meta.url))

describe('trainModelFromConfig', () => {
  it('refuses an architecture that is not a reference one, before loading any data', () => {
    const config: ReferenceModelConfig = { model: 'x', architecture: 'resnet-imagenet', description: '', dataset: 'mnist', training: { epochs: 1, batchSize: 8, seed: 1, optimizer: { type: 'sgd', learningRate: 0.1 } } }
    expect(() => trainModelFromConfig(config, { backend: selectBackend('reference'), outDirectory: '/nonexistent', log: () => {} })).toThrow(InvalidArgumentError)
  })

  it('mlp-mnist-device-noise (mlp-mnist trained with RRAM device noise, cimkit train) has a valid config and scores its measured 96.3 % on the first 1,000 test images (96.40 % on all 10,000)', { timeout: 60_000 }, () => {
    const config = JSON.parse(readFileSync(`${deviceNoiseModel}config.json`, 'utf8')) as ReferenceModelConfig
    expect(config.architecture).toBe('mlp-mnist')
    expect(trainingConfigSchema.parse(config.training).noise?.type).toBe('device')
    const accuracy = JSON.parse(readFileSync(`${deviceNoiseModel}accuracy.json`, 'utf8')) as ReferenceModelAccuracy
    expect([accuracy.model, accuracy.testSamples, accuracy.top1]).toEqual(['mlp-mnist-device-noise', 10_000, 0.964])
    // Any backend (float GEMM order differs in the last bits); ±0.2 points = 2 images.
    const measured = evaluateAccuracy(createNetworkExecutor(loadNetworkFiles(deviceNoiseModel), { backend: selectBackend('auto') }), loadMnist('test', { limit: 1000 }))
    expect(Math.abs(measured - 0.963)).toBeLessThanOrEqual(0.002)
  })
})
