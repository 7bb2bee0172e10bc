import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { foldBatchNormToThresholds } from './fold-batch-norm.js'

describe('batch norm folded into integer popcount thresholds (paper 004 §2.3)', () => {
  it('sign(γ(y − μ)/√(σ² + ε) + β) equals P ≥ T (or P′ ≥ T on negated weights when γ < 0) for every popcount, γ of both signs and zero', () => {
    const inputs = 57
    const outputs = 200
    const random = createRandomSource(21)
    const draw = (scale: number, offset = 0): Float32Array => Float32Array.from({ length: outputs }, () => offset + scale * random.nextNormal())
    const gamma = draw(1)
    gamma[0] = 0
    gamma[1] = 0
    const beta = draw(1)
    beta[0] = 0.5
    beta[1] = -0.5
    const mean = draw(10)
    const variance = Float32Array.from(draw(20, 30), (value) => Math.abs(value) + 0.1)
    const bias = draw(3)
    const { thresholds, negate } = foldBatchNormToThresholds({ gamma, beta, mean, variance, bias, epsilon: 1e-3 }, inputs)
    for (let j = 0; j < outputs; j++) {
      expect(negate[j]).toBe(gamma[j]! < 0 ? 1 : 0)
      for (let p = 0; p <= inputs; p++) {
        const y = 2 * p - inputs + bias[j]!
        const normalised = (gamma[j]! * (y - mean[j]!)) / Math.sqrt(variance[j]! + 1e-3) + beta[j]!
        // popcount the hardware sees: of the negated weights where γ < 0
        const seen = negate[j] === 1 ? inputs - p : p
        expect(seen >= thresholds[j]!, `neuron ${j}, popcount ${p}`).toBe(normalised >= 0)
      }
    }
  })

  it('example: γ 1, β 0, μ 2 over 10 inputs fires from popcount 6 (y = 2·6 − 10 = 2)', () => {
    const folded = foldBatchNormToThresholds({ gamma: Float32Array.of(1), beta: Float32Array.of(0), mean: Float32Array.of(2), variance: Float32Array.of(1) }, 10)
    expect(folded.thresholds[0]).toBe(6)
    expect(() => foldBatchNormToThresholds({ gamma: Float32Array.of(1), beta: Float32Array.of(0, 1), mean: Float32Array.of(2), variance: Float32Array.of(1) }, 10)).toThrow()
  })
})
