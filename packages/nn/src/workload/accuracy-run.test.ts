import { createRandomSource } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import type { ImageDataset } from '../datasets/dataset.js'
import type { MatmulProvider } from '../execute/matmul-provider.js'
import { createSequentialNetwork } from '../ir/network.js'
import { runAccuracy } from './accuracy-run.js'

// Four 1×1×2 "images" whose class is the larger pixel: the identity network classifies them all.
const dataset: ImageDataset = {
  name: 'toy/test', shape: [1, 1, 2], count: 4, classes: 2, source: 'test',
  pixels: Uint8Array.from([200, 10, 10, 200, 120, 100, 100, 120]), labels: Uint8Array.from([0, 1, 0, 1]),
}
const network = createSequentialNetwork('identity', [1, 1, 2], [
  ['flat', { op: 'flatten' }],
  ['fc', { op: 'dense', inputs: 2, outputs: 2, weight: Float32Array.from([1, 0, 0, 1]), bias: null }],
  ['relu', { op: 'relu' }],
])

/** A "hardware" product with large Gaussian output noise drawn from the trial's stream. */
function noisyHardware(trialRandom: ReturnType<typeof createRandomSource>): MatmulProvider {
  return {
    prepare: ({ weights, rows, columns }) => (inputs, batch) => {
      const out = new Float32Array(batch * columns)
      referenceBackend.gemm({ m: batch, n: columns, k: rows, a: inputs, b: weights, c: out })
      const noise = new Float32Array(out.length)
      trialRandom.fillNormal(noise, 0, 0.3)
      return out.map((value, index) => value + noise[index]!)
    },
  }
}

describe('runAccuracy', () => {
  it('reports the float baseline, per-layer signals and activity without hardware', () => {
    const result = runAccuracy(network, dataset, { backend: referenceBackend })
    expect(result).toMatchObject({ baseline: 1, top1: 1, std: 0, trials: 1, samples: 4 })
    expect(result.activity.layers.fc).toEqual({ digital: { op: 2 } })
    // ReLU outputs of the identity layer: all 8 values are positive pixels / 255.
    expect(result.layers.relu).toMatchObject({ op: 'relu', nonZeroFraction: 1 })
    expect(result.layers.relu!.max).toBeCloseTo(200 / 255, 6)
  })

  it('runs seeded Monte Carlo trials on a hardware provider: mean, sample std, reproducible', () => {
    const run = () => runAccuracy(network, dataset, { backend: referenceBackend, trials: 6, random: createRandomSource(5), hardwareMatmul: (random) => noisyHardware(random) })
    const first = run()
    expect(first.perTrial).toHaveLength(6)
    expect(first.baseline).toBe(1)
    const mean = first.perTrial.reduce((a, b) => a + b, 0) / 6
    expect(first.top1).toBeCloseTo(mean, 12)
    const variance = first.perTrial.reduce((sum, value) => sum + (value - mean) ** 2, 0) / 5
    expect(first.std).toBeCloseTo(Math.sqrt(variance), 12)
    // Noise σ = 0.3 against margins of 0.08 on two images: some trials must miss one.
    expect(first.top1).toBeLessThan(1)
    expect(run().perTrial).toEqual(first.perTrial)
  })
})
