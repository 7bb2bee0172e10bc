import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { CHECKERBOARD, lognormalBinaryDevice, pcsaDouble } from '../__fixtures__/paper-004-doubles.js'
import { programBinarizedDenseLayer } from './binarized-dense-layer.js'
import { foldBatchNormToThresholds } from './fold-batch-norm.js'
import { packSigns, popcount32, xnorPopcount } from './xnor-popcount.js'

function randomSigns(count: number, seed: number): Float32Array {
  const random = createRandomSource(seed)
  return Float32Array.from({ length: count }, () => (random.nextUniform() < 0.5 ? -1 : 1))
}

/** Σ_i w_ij·x_i in floating point: the software BNN the hardware must match. */
function dot(weights: Float32Array, inputs: Float32Array, k: number, j: number, sample: number, neuron: number): number {
  let sum = 0
  for (let i = 0; i < k; i++) sum += weights[i * j + neuron]! * inputs[sample * k + i]!
  return sum
}

// A clean window: ln(HRS/LRS) = 8 with σ 0.2, so neither the pair nor the PCSA (σ 0.34) ever errs.
const cleanDevice = lognormalBinaryDevice({ lrsMedianOhm: 2000, hrsMedianOhm: 2000 * Math.exp(8), sigmaLn: 0.2 })

describe('binarized dense layer on 2T2R arrays (paper 004 eq. 2)', () => {
  const k = 100
  const j = 37
  const batch = 6
  const weights = randomSigns(k * j, 1)
  const inputs = randomSigns(batch * k, 2)

  it('error-free hardware: popcount = (Σ w·x + K)/2 exactly, read once or with XNOR in the sense amplifier every inference', () => {
    for (const read of ['once', 'every-inference'] as const) {
      const layer = programBinarizedDenseLayer(weights, k, j, { device: cleanDevice, senseAmp: pcsaDouble(), random: createRandomSource(3), read })
      const { popcounts, activations } = layer.run(inputs, batch)
      expect(activations).toBeNull()
      for (let sample = 0; sample < batch; sample++) {
        for (let neuron = 0; neuron < j; neuron++) expect(2 * popcounts[sample * j + neuron]! - k).toBe(dot(weights, inputs, k, j, sample, neuron))
      }
      expect(layer.inferenceCount).toBe(batch)
    }
  })

  it('folded thresholds reproduce sign(BN(Σ w·x)) of the software network, negated neurons included', () => {
    const random = createRandomSource(4)
    const gamma = Float32Array.from({ length: j }, () => random.nextNormal())
    const beta = Float32Array.from({ length: j }, () => random.nextNormal())
    const mean = Float32Array.from({ length: j }, () => 4 * random.nextNormal())
    const variance = Float32Array.from({ length: j }, () => 10 + 5 * random.nextUniform())
    const { thresholds, negate } = foldBatchNormToThresholds({ gamma, beta, mean, variance }, k)
    const stored = weights.map((w, index) => (negate[index % j] === 1 ? -w : w))
    const layer = programBinarizedDenseLayer(stored, k, j, { device: cleanDevice, senseAmp: pcsaDouble(), random: createRandomSource(5), thresholds })
    const { activations } = layer.run(inputs, batch)
    for (let sample = 0; sample < batch; sample++) {
      for (let neuron = 0; neuron < j; neuron++) {
        const y = dot(weights, inputs, k, j, sample, neuron)
        const bn = (gamma[neuron]! * (y - mean[neuron]!)) / Math.sqrt(variance[neuron]! + 1e-5) + beta[neuron]!
        expect(activations![sample * j + neuron]).toBe(bn >= 0 ? 1 : -1)
      }
    }
  })

  it('checkerboard devices (paper 004 §3.1): each popcount moves by at most the flipped weights of its neuron; 1T1R flips more', () => {
    const device = lognormalBinaryDevice(CHECKERBOARD)
    const big = randomSigns(400 * 64, 6)
    const x = randomSigns(400, 7)
    const pair = programBinarizedDenseLayer(big, 400, 64, { device, senseAmp: pcsaDouble(), random: createRandomSource(8) })
    const single = programBinarizedDenseLayer(big, 400, 64, { device, senseAmp: null, storage: { type: '1t1r' }, random: createRandomSource(8) })
    const flips = (stored: Int8Array): number => stored.reduce((sum, value, index) => sum + (value !== big[index] ? 1 : 0), 0)
    expect(flips(pair.storedSigns)).toBeGreaterThan(0)
    expect(flips(single.storedSigns)).toBeGreaterThan(3 * flips(pair.storedSigns))
    const { popcounts } = pair.run(x, 1)
    for (let neuron = 0; neuron < 64; neuron++) {
      let flipped = 0
      for (let i = 0; i < 400; i++) if (pair.storedSigns[i * 64 + neuron] !== big[i * 64 + neuron]) flipped++
      const ideal = (dot(big, x, 400, 64, 0, neuron) + 400) / 2
      expect(Math.abs(popcounts[neuron]! - ideal)).toBeLessThanOrEqual(flipped)
    }
  })

  it('real-valued inputs (a first layer fed pixels) meet the read weights in a digital multiply-add; a GEMM backend gives the same', () => {
    const layer = programBinarizedDenseLayer(weights, k, j, { device: cleanDevice, senseAmp: pcsaDouble(), random: createRandomSource(10) })
    const random = createRandomSource(11)
    const pixels = Float32Array.from({ length: batch * k }, () => random.nextUniform())
    const direct = layer.runRealInputs(pixels, batch)
    const gemm = {
      specificationVersion: 'v1' as const,
      name: 'test-loop',
      gemm: ({ m, n, k: depth, a, b, c }: { m: number; n: number; k: number; a: Float32Array; b: Float32Array; c: Float32Array }) => {
        for (let row = 0; row < m; row++) for (let col = 0; col < n; col++) for (let i = 0; i < depth; i++) c[row * n + col]! += a[row * depth + i]! * b[i * n + col]!
      },
      im2col: () => new Float32Array(0),
      quantize: () => undefined,
    }
    const viaBackend = layer.runRealInputs(pixels, batch, gemm)
    for (let sample = 0; sample < batch; sample++) {
      for (let neuron = 0; neuron < j; neuron++) {
        expect(direct[sample * j + neuron]).toBeCloseTo(dot(weights, pixels, k, j, sample, neuron), 4)
        expect(viaBackend[sample * j + neuron]).toBeCloseTo(direct[sample * j + neuron]!, 4)
      }
    }
  })

  it('counts actions per inference: a decision, 2 cell reads and an add per synapse (2T2R), a compare per neuron', () => {
    const layer = programBinarizedDenseLayer(weights, k, j, { device: cleanDevice, senseAmp: null, random: createRandomSource(9), thresholds: new Int32Array(j) })
    expect(layer.activity()).toEqual({ array: { cellRead: 2 * k * j }, adc: { convert: k * j }, popcount: { add: k * j }, threshold: { compare: j } })
    expect(() => layer.run(new Float32Array(3), 1)).toThrow()
    expect(() => programBinarizedDenseLayer(weights, k, j + 1, { device: cleanDevice, senseAmp: null, random: createRandomSource(9) })).toThrow()
  })

  it('bit-packed XNOR popcount matches a plain count across word boundaries', () => {
    expect(popcount32(0xffffffff)).toBe(32)
    expect(popcount32(0x80000001)).toBe(2)
    for (const length of [1, 31, 32, 33, 95]) {
      const a = randomSigns(length, length)
      const b = randomSigns(length, length + 100)
      const words = Math.ceil(length / 32)
      const packedA = new Uint32Array(words)
      const packedB = new Uint32Array(words)
      packSigns(a, 0, 1, length, packedA, 0)
      packSigns(b, 0, 1, length, packedB, 0)
      const agree = a.reduce((sum, value, index) => sum + (value === b[index] ? 1 : 0), 0)
      expect(xnorPopcount(packedA, 0, packedB, 0, length)).toBe(agree)
    }
  })
})
