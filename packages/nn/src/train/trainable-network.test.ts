import { createRandomSource } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { createNetwork } from '../ir/network.js'
import type { Network } from '../ir/network.js'
import { initializeUniform } from './initialize.js'
import { softmaxCrossEntropy } from './train-network.js'
import { TrainableNetwork } from './trainable-network.js'
import { trainingConfigSchema } from './training-config.js'

const random = createRandomSource(7)
const uniform = (size: number, stream: string) => initializeUniform(size, 3, 3, 'glorot', random.stream(stream))

/** conv (groups 2, stride 1, pad 1) → BN → ReLU → {max pool, avg pool} → add → flatten → dense. */
function smallNetwork(): Network {
  return createNetwork({
    name: 'gradient-check', input: { name: 'x', shape: [2, 4, 4] },
    nodes: [
      { name: 'conv', inputs: ['x'], layer: { op: 'conv2d', inChannels: 2, outChannels: 4, kernel: [3, 3], stride: [1, 1], pads: [1, 1, 1, 1], groups: 2, weight: uniform(4 * 9, 'conv'), bias: uniform(4, 'conv-bias') } },
      { name: 'bn', inputs: ['conv'], layer: { op: 'batchNorm', scale: Float32Array.from([1, 0.5, 2, 1.5]), shift: uniform(4, 'shift'), mean: new Float32Array(4), variance: new Float32Array(4).fill(1), epsilon: 1e-5 } },
      { name: 'relu', inputs: ['bn'], layer: { op: 'hardtanh', min: -0.8, max: 5 } },
      { name: 'max', inputs: ['relu'], layer: { op: 'maxPool2d', kernel: [2, 2], stride: [2, 2], pads: [0, 0, 0, 0] } },
      { name: 'avg', inputs: ['relu'], layer: { op: 'avgPool2d', kernel: [3, 3], stride: [2, 2], pads: [1, 1, 1, 1] } },
      { name: 'sum', inputs: ['max', 'avg'], layer: { op: 'add' } },
      { name: 'flat', inputs: ['sum'], layer: { op: 'flatten' } },
      { name: 'fc', inputs: ['flat'], layer: { op: 'dense', inputs: 16, outputs: 3, weight: uniform(48, 'fc'), bias: uniform(3, 'fc-bias') } },
    ],
    output: 'fc',
  })
}

describe('TrainableNetwork backward pass', () => {
  it('matches central finite differences of the softmax cross-entropy (step 1e-3, tolerance 2% + 2e-3)', () => {
    const config = trainingConfigSchema.parse({ epochs: 1, batchSize: 3, seed: 1, optimizer: { type: 'sgd', learningRate: 0.1 } })
    const trainable = new TrainableNetwork(smallNetwork(), { backend: referenceBackend, config, noise: null, stepRandom: () => random })
    const batch = 3
    const input = new Float32Array(batch * 32)
    random.stream('input').fillNormal(input)
    const labels = Uint8Array.from([0, 2, 1])
    const gradient = new Float32Array(batch * 3)
    const loss = () => softmaxCrossEntropy(trainable.forward(input, batch, true), labels, batch, 3, gradient)[0] / batch
    for (const parameter of trainable.parameters) parameter.gradient.fill(0)
    loss()
    trainable.backward(gradient, batch)
    let checked = 0
    for (const parameter of trainable.parameters) {
      const analytic = Float64Array.from(parameter.gradient)
      for (let index = 0; index < parameter.values.length; index += 3) {
        const saved = parameter.values[index]!
        const step = 1e-3
        parameter.values[index] = saved + step
        const plus = loss()
        parameter.values[index] = saved - step
        const minus = loss()
        parameter.values[index] = saved
        const numeric = (plus - minus) / (2 * step)
        expect(Math.abs(numeric - analytic[index]!), `${parameter.name}[${index}]`).toBeLessThanOrEqual(0.02 * Math.abs(numeric) + 2e-3)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(30)
  })
})
