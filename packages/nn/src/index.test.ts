import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRandomSource } from '@cimkit/core'
import type { HardwareV1 } from '@cimkit/core'
import { checkOptionsSchema, checkSerialisable } from '@cimkit/core/testing'
import { selectBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import { floatTensor, node, onnxModel } from './onnx/__fixtures__/onnx-builder.js'
import plugin, { createNnPlugin } from './index.js'
import type { NetworkWorkload } from './workload/network-workload.js'

const added: { type: string; registration: { optionsSchema: never; create: (options: unknown, context: unknown) => unknown } }[] = []
createNnPlugin().register({ workload: (type: string, registration: never) => added.push({ type, registration }) } as never)
const context = { random: createRandomSource(1), container: null, configDirectory: process.cwd() }
const hardware: HardwareV1 = { device: null, inputEncoder: null, outputConverter: null, architecture: null, middleware: [], backend: selectBackend('auto') }

describe('@cimkit/nn plugin', () => {
  it('registers exactly what package.json `cimkit.provides` lists', () => {
    expect(added.map((entry) => entry.type)).toEqual(packageJson.cimkit.provides)
    expect(packageJson.cimkit.kinds).toEqual(['workload'])
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version })
  })

  it('validates workload options strictly', async () => {
    await checkOptionsSchema(added[0]!.registration, { model: 'lenet5-mnist', dataset: 'mnist', samples: 100 }, [
      { options: { model: 'lenet5-mnist', dataset: 'imagenet' }, path: 'dataset' },
      { options: { model: 'lenet5-mnist', dataset: 'mnist', samples: 0 }, path: 'samples' },
      { options: { model: 'lenet5-mnist', dataset: 'mnist', batch: 3 }, path: '' },
    ])
  })

  it('describes LeNet-5 as its array-mapped layers (rows = k·k·C_in, MVMs = output positions)', () => {
    const workload = added[0]!.registration.create({ model: 'lenet5-mnist', dataset: 'mnist' }, context) as NetworkWorkload
    checkSerialisable(workload)
    const layers = workload.describe().layers
    expect(layers.map((layer) => [layer.name, layer.kind, layer.inputs, layer.outputs, layer.mvmsPerInference])).toEqual([
      ['conv1', 'conv2d', 25, 6, 784], ['conv2', 'conv2d', 150, 16, 100], ['fc1', 'dense', 400, 120, 1], ['fc2', 'dense', 120, 84, 1], ['fc3', 'dense', 84, 10, 1],
    ])
    // conv1: bias and ReLU on 6·28·28 outputs, 2×2 max pooling reads 4 values per output.
    expect(layers[0]!.digitalOpsPerInference).toEqual({ bias: 4704, relu: 4704, maxPool: 4704 })
    expect(layers[0]!.conv).toMatchObject({ inputChannels: 1, inputHeight: 28, kernelHeight: 5, outputHeight: 28 })
  })

  it('evaluates the committed LeNet-5 on the first 1,000 MNIST test images at its measured 98.8 %', { timeout: 60_000 }, async () => {
    const workload = added[0]!.registration.create({ model: 'lenet5-mnist', dataset: 'mnist', samples: 1000 }, context) as NetworkWorkload
    const labels: string[] = []
    const result = await workload.evaluate(hardware, { trials: 3, timeS: 0, random: createRandomSource(2), progress: (_fraction, label) => labels.push(label) })
    // Measured after training: 98.8 % on the first 1,000 (99.08 % on all 10,000, accuracy.json).
    // ±0.2 points (2 images) absorbs float-summation differences between backends.
    expect(Math.abs(result.accuracy!.baseline - 0.988)).toBeLessThanOrEqual(0.002)
    expect(result.accuracy).toMatchObject({ top1: result.accuracy!.baseline, std: 0, trials: 1 })
    expect(result.extra).toMatchObject({ samples: 1000, accuracyMode: 'float-baseline' })
    expect(result.activity!.layers.conv1).toEqual({ digital: { op: 3 * 4704 } })
    expect(labels).toContain('float baseline')
  })

  it('loads an .onnx model relative to the config directory', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cimkit-onnx-workload-'))
    writeFileSync(join(directory, 'tiny.onnx'), onnxModel({
      input: ['image', ['N', 1, 28, 28]], output: 'logits',
      initializers: [floatTensor('W', [784, 10], new Array<number>(7840).fill(0.01))],
      nodes: [node('Flatten', ['image'], ['flat']), node('MatMul', ['flat', 'W'], ['logits'])],
    }))
    const workload = added[0]!.registration.create({ model: 'tiny.onnx', dataset: 'mnist' }, { ...context, configDirectory: directory }) as NetworkWorkload
    expect(workload.describe()).toEqual({ name: 'tiny', layers: [{ name: 'logits', kind: 'dense', inputs: 784, outputs: 10, mvmsPerInference: 1 }] })
  })

  it('names the problem when the model is neither built in nor a file', () => {
    expect(() => added[0]!.registration.create({ model: 'no-such-model', dataset: 'mnist' }, context)).toThrow(/"no-such-model" is neither a built-in model nor an existing file/)
  })
})
