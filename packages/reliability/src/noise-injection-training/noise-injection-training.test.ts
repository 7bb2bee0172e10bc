import { createRandomSource } from '@cimkit/core'
import { describeMiddlewareConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { MultiLevelTestDevice } from '../testing/multi-level-test-device.js'
import { noisyMeanSquaredError, trainTinyNetwork } from '../testing/tiny-regression-network.js'
import type { TinyNetwork } from '../testing/tiny-regression-network.js'
import { createNoiseInjectionTraining } from './noise-injection-training.js'

describeMiddlewareConformance('noise-injection-training', {
  create: () => createNoiseInjectionTraining(),
  device: () => new MultiLevelTestDevice({ levelsS: [1e-6, 2e-6], programmingStdS: [0, 0] }),
})

function standardDeviation(values: Float32Array): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length)
}

describe('noise-injection-training hook', () => {
  it('aihwkit ADD_NORMAL: additive noise of σ·max|w| (6 % by default, the aihwkit HWA recipe)', () => {
    const weights = new Float32Array(20000).fill(0.5)
    weights[0] = 2
    const perturbed = weights.slice()
    createNoiseInjectionTraining().weightNoise(perturbed, createRandomSource(1), 'layer')
    const difference = perturbed.map((value, index) => value - weights[index]!)
    // Sample σ of 20000 draws: relative standard error 1/√(2·20000) = 0.5 %; 4 of them.
    expect(Math.abs(standardDeviation(difference) / (0.06 * 2) - 1)).toBeLessThan(0.02)
  })

  it('aihwkit MULT_NORMAL: noise proportional to each weight', () => {
    const weights = Float32Array.from({ length: 20000 }, (_, index) => (index % 2 === 0 ? 1 : 0))
    createNoiseInjectionTraining({ noise: 'multiplicative', relativeStd: 0.1 }).weightNoise(weights, createRandomSource(2), 'layer')
    const ones = weights.filter((_, index) => index % 2 === 0)
    expect(Math.abs(standardDeviation(ones) / 0.1 - 1)).toBeLessThan(0.03)
    expect(weights.filter((_, index) => index % 2 === 1).every((value) => value === 0)).toBe(true)
  })

  it('clips to 2σ of the layer (aihwkit LAYER_GAUSSIAN, recipe σ = 2) or a fixed value, and deploys the same clip', () => {
    const weights = new Float32Array(10000)
    createRandomSource(3).fillNormal(weights, 0, 1)
    const technique = createNoiseInjectionTraining()
    const bound = technique.clipBound(weights)
    expect(bound).toBeCloseTo(2 * standardDeviation(weights), 5)
    const deployed = technique.transformWeights({ layer: 'fc1', weights, rows: 100, columns: 100, random: createRandomSource(4) })
    expect(Math.max(...deployed.map(Math.abs))).toBeCloseTo(bound, 5)
    expect(Math.max(...weights.map(Math.abs))).toBeGreaterThan(3) // input untouched
    // A normal layer clipped at 2σ: 2Φ(−2) = 4.55 % of the weights change, ± 4 binomial σ of 10,000.
    const statistics = technique.statistics()
    expect(statistics.weights).toBe(10000)
    expect(statistics.clippedFraction).toBe(statistics.clippedWeights / 10000)
    expect(Math.abs(statistics.clippedFraction - 0.0455)).toBeLessThan(4 * Math.sqrt((0.0455 * 0.9545) / 10000))
    const fixed = createNoiseInjectionTraining({ clip: { kind: 'fixed', value: 0.5 } })
    fixed.clipWeights(weights)
    expect(Math.max(...weights.map(Math.abs))).toBe(0.5)
  })

  it('paper 003 §VIII (noise injection, clipping): a network trained with the hook loses less under 10 % hardware weight noise', () => {
    const inputs = 8
    const hidden = 16
    const samples = 512
    const random = createRandomSource(1)
    const x = new Float32Array(samples * inputs)
    random.fillNormal(x, 0, 1)
    const teacher = new Float32Array(inputs)
    random.fillNormal(teacher, 0, 1)
    const y = new Float32Array(samples)
    for (let sample = 0; sample < samples; sample++) {
      let sum = 0
      for (let input = 0; input < inputs; input++) sum += teacher[input]! * x[sample * inputs + input]!
      y[sample] = Math.tanh(sum / 2) + 0.3 * Math.sin(sum)
    }
    const init = (): TinyNetwork => {
      const stream = createRandomSource(2)
      const first = new Float32Array(hidden * inputs)
      const second = new Float32Array(hidden)
      stream.fillNormal(first, 0, 0.3)
      stream.fillNormal(second, 0, 0.3)
      return { inputs, hidden, first, second }
    }
    const clean = init()
    trainTinyNetwork(clean, x, y, { steps: 30000, learningRate: 0.01, random: createRandomSource(3) })
    const aware = init()
    trainTinyNetwork(aware, x, y, { steps: 30000, learningRate: 0.01, random: createRandomSource(3), hook: createNoiseInjectionTraining({ relativeStd: 0.1 }) })
    const noisy = (network: TinyNetwork, std: number) => noisyMeanSquaredError(network, x, y, std, 20, createRandomSource(9))
    // The trade-off: the clean network fits better without noise, the aware one far better with it.
    expect(noisy(clean, 0)).toBeLessThan(noisy(aware, 0))
    expect(noisy(aware, 0.1)).toBeLessThan(0.6 * noisy(clean, 0.1))
  })
})
