import { selectBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { loadFashionMnist } from '../datasets/fashion-mnist.js'
import { loadMnist } from '../datasets/mnist.js'
import { evaluateAccuracy } from '../execute/evaluate-accuracy.js'
import { createNetworkExecutor } from '../execute/network-executor.js'
import { isArrayLayer } from '../ir/layer.js'
import { loadReferenceModel, readReferenceModelConfig, referenceModelNames } from './reference-models.js'

/** Issue 7 targets on the full MNIST test set (10,000 images), as measured by the training script. */
const targets: Readonly<Record<string, number>> = { 'lenet5-mnist': 0.985, 'bnn-mnist': 0.975 }

describe('reference models', () => {
  it.each(referenceModelNames)('%s has a committed, schema-valid training config', (name) => {
    const config = readReferenceModelConfig(name)
    expect(config.model).toBe(name)
    expect(['mnist', 'fashion-mnist']).toContain(config.dataset)
  })

  it.each(Object.entries(targets))('%s loads with its measured float accuracy meeting the target (≥ %s)', (name, target) => {
    const model = loadReferenceModel(name as never)
    expect(model.accuracy?.testSamples).toBe(10_000)
    expect(model.accuracy!.top1).toBeGreaterThanOrEqual(target)
    expect(model.network.outputShape).toEqual([10])
  })

  it('bnn-mnist (paper 004, 784-1024-1024-10) has only ±1 weights and scores its measured 98.2 % on the first 1,000 test images', { timeout: 60_000 }, () => {
    const { network } = loadReferenceModel('bnn-mnist')
    const layers = network.nodes.filter((node) => isArrayLayer(node.layer))
    expect(layers.map((node) => node.outputShape[0])).toEqual([1024, 1024, 10])
    for (const node of layers) expect((node.layer as { weight: Float32Array }).weight.every((value) => value === 1 || value === -1)).toBe(true)
    // Any backend (GEMM of ±1 weights differs at most in float rounding); ±0.2 points = 2 images.
    const accuracy = evaluateAccuracy(createNetworkExecutor(network, { backend: selectBackend('auto') }), loadMnist('test', { limit: 1000 }))
    expect(Math.abs(accuracy - 0.982)).toBeLessThanOrEqual(0.002)
  })

  it('cnn-fashion scores its measured 90.6 % on the first 1,000 Fashion-MNIST test images (91.04 % on all 10,000)', { timeout: 60_000 }, () => {
    const { network, accuracy } = loadReferenceModel('cnn-fashion')
    expect(accuracy!.top1).toBeGreaterThan(0.9)
    const measured = evaluateAccuracy(createNetworkExecutor(network, { backend: selectBackend('auto') }), loadFashionMnist('test', { limit: 1000 }))
    expect(Math.abs(measured - 0.906)).toBeLessThanOrEqual(0.002)
  })

  it('bnn-split-mnist (paper 002 input splitting, 64-row groups) scores its measured 97.6 % on the first 1,000 and ranks below the unsplit BNN', { timeout: 60_000 }, () => {
    const split = loadReferenceModel('bnn-split-mnist')
    const layer = split.network.nodes.find((node) => node.layer.op === 'splitDense')!.layer as { groupSize: number; inputs: number; weight: Float32Array }
    expect([layer.inputs, layer.groupSize]).toEqual([1024, 64])
    expect(layer.weight.every((value) => value === 1 || value === -1)).toBe(true)
    const measured = evaluateAccuracy(createNetworkExecutor(split.network, { backend: selectBackend('auto') }), loadMnist('test', { limit: 1000 }))
    expect(Math.abs(measured - 0.976)).toBeLessThanOrEqual(0.002)
    // Paper 002 (TARGETS.md §2): splitting without per-column thresholds costs accuracy (CIFAR-10 88.46 → 86.64 %);
    // here, on all 10,000 MNIST test images: 98.11 % unsplit vs 97.77 % split.
    expect(split.accuracy!.top1).toBeLessThan(loadReferenceModel('bnn-mnist').accuracy!.top1)
  })
})
