import type { RandomSource, ReliabilityMiddlewareV1, WeightTransformCallV1 } from '@cimkit/core'
import { noiseInjectionTrainingOptionsSchema } from './noise-injection-training-options.js'
import type { NoiseInjectionTrainingOptions } from './noise-injection-training-options.js'

/**
 * The training hook the spec lacks, with the shape of `@cimkit/nn`'s `WeightNoise` so it plugs into
 * its trainer as is: `trainNetwork(network, config, data, { noise: technique.weightNoise })`.
 * NOTE: proposed for the spec as `ReliabilityMiddlewareV1.trainingHooks?: { perturbWeights, clipWeights }`.
 * @since 0.1.0
 */
export interface HardwareAwareTrainingHook {
  /** Perturbs a layer's effective weights in place before a training forward pass. */
  readonly weightNoise: (weights: Float32Array, random: RandomSource, layerName: string) => void
  /** Clips a layer's latent weights in place after an optimizer step. */
  clipWeights(weights: Float32Array, layerName: string): void
}

function maxAbs(values: Float32Array): number {
  let max = 0
  for (const value of values) max = Math.max(max, Math.abs(value))
  return max
}

/**
 * Hardware-aware training (noise injection and clipping) as a technique: during training the hook
 * perturbs the forward weights (the update still goes to the clean ones, as aihwkit's weight
 * modifier) and clips after each step; at deployment `transformWeights` applies the same clip, so
 * the device range maps onto the range the network was trained for (paper 003 §VIII, ref. 213).
 * @since 0.1.0
 */
export class NoiseInjectionTraining implements ReliabilityMiddlewareV1, HardwareAwareTrainingHook {
  readonly specificationVersion = 'v1' as const
  readonly type = 'noise-injection-training'
  readonly addedComponents = []
  private readonly options: ReturnType<typeof noiseInjectionTrainingOptionsSchema.parse>
  private deployed = { weights: 0, clipped: 0 }

  constructor(options: NoiseInjectionTrainingOptions = {}) {
    this.options = noiseInjectionTrainingOptionsSchema.parse(options)
  }

  readonly weightNoise: HardwareAwareTrainingHook['weightNoise'] = (weights, random) => {
    const { relativeStd, noise } = this.options
    if (relativeStd === 0) return
    const draws = new Float32Array(weights.length)
    random.fillNormal(draws, 0, relativeStd)
    if (noise === 'additive') {
      const scale = maxAbs(weights)
      for (let index = 0; index < weights.length; index++) weights[index]! += scale * draws[index]!
    } else {
      for (let index = 0; index < weights.length; index++) weights[index]! += weights[index]! * draws[index]!
    }
  }

  /** The clip bound of a layer: the fixed value, or `sigmas`·std(w); Infinity without clipping. */
  clipBound(weights: Float32Array): number {
    const { clip } = this.options
    if (clip.kind === 'none') return Infinity
    if (clip.kind === 'fixed') return clip.value
    let mean = 0
    for (const value of weights) mean += value
    mean /= Math.max(weights.length, 1)
    let variance = 0
    for (const value of weights) variance += (value - mean) ** 2
    return clip.sigmas * Math.sqrt(variance / Math.max(weights.length, 1))
  }

  clipWeights(weights: Float32Array): void {
    const bound = this.clipBound(weights)
    if (bound === Infinity) return
    for (let index = 0; index < weights.length; index++) weights[index] = Math.min(bound, Math.max(-bound, weights[index]!))
  }

  /** Deployment: the trained network's weights, clipped as in training. */
  transformWeights(call: WeightTransformCallV1): Float32Array {
    const out = Float32Array.from(call.weights)
    this.clipWeights(out)
    let clipped = 0
    for (let index = 0; index < out.length; index++) if (out[index] !== call.weights[index]) clipped++
    this.deployed = { weights: this.deployed.weights + out.length, clipped: this.deployed.clipped + clipped }
    return out
  }

  /** Since the run started: weights deployed through `transformWeights`, and those the clip changed. */
  statistics(): { readonly weights: number; readonly clippedWeights: number; readonly clippedFraction: number } {
    const { weights, clipped } = this.deployed
    return { weights, clippedWeights: clipped, clippedFraction: weights === 0 ? 0 : clipped / weights }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options, clip: { ...this.options.clip } }
  }
}

/** Creates the hardware-aware training technique. @since 0.1.0 */
export function createNoiseInjectionTraining(options: NoiseInjectionTrainingOptions = {}): NoiseInjectionTraining {
  return new NoiseInjectionTraining(options)
}
