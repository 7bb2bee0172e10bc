import type { ComputeBackendV1, RandomSource } from '@cimkit/core'
import type { Layer } from '../ir/layer.js'
import { ActivationQuantizer } from './activation-quantizer.js'
import { createParameter } from './parameter.js'
import type { Parameter } from './parameter.js'
import type { TrainingConfig } from './training-config.js'
import { transformWeights } from './weight-transform.js'
import type { WeightNoise } from './weight-transform.js'

/** What every trainable node shares: kernels, the config, noise, the step's random stream. @since 0.1.0 */
export interface TrainContext {
  readonly backend: ComputeBackendV1
  readonly config: TrainingConfig
  readonly noise: WeightNoise | null
  /** The random stream of the current step (for noise injection). */
  readonly stepRandom: () => RandomSource
}

/**
 * A node of a network being trained: forward (caching what backward needs), backward (accumulating
 * parameter gradients, returning input gradients), and export of the trained layer.
 * @since 0.1.0
 */
export interface TrainNode {
  readonly parameters: readonly Parameter[]
  forward(inputs: readonly Float32Array[], batch: number, training: boolean): Float32Array
  /** Gradients for each input, or null where `needsInputGradient` was false. */
  backward(outputGradient: Float32Array, batch: number): (Float32Array | null)[]
  /** The layer with the trained parameters (effective weights: binarized or quantized as trained). */
  export(): Layer
}

/**
 * Latent weights of an array layer and their effective (transformed, noisy) version for the
 * current step, plus the optional activation quantizer of the layer's input.
 * @since 0.1.0
 */
export class ArrayWeights {
  readonly weight: Parameter
  readonly effective: Float32Array
  private readonly quantizer: ActivationQuantizer | null
  private mask: Uint8Array = new Uint8Array(0)

  constructor(readonly name: string, latent: Float32Array, private readonly context: TrainContext) {
    const clip = context.config.weights.mode === 'binary' ? 1 : (context.config.weightClip ?? null)
    this.weight = createParameter(`${name}.weight`, Float32Array.from(latent), { clip, decay: true })
    this.effective = new Float32Array(latent.length)
    this.quantizer = context.config.activationBits === undefined ? null : new ActivationQuantizer(context.config.activationBits)
  }

  /** Recomputes the effective weights; adds noise when training. */
  refresh(training: boolean): Float32Array {
    transformWeights(this.weight.values, this.context.config.weights, this.effective)
    if (training && this.context.noise !== null) this.context.noise(this.effective, this.context.stepRandom(), this.name)
    return this.effective
  }

  /** The layer input as the arrays see it (quantized under QAT). */
  input(values: Float32Array, training: boolean): Float32Array {
    if (this.quantizer === null) return values
    if (this.mask.length !== values.length) this.mask = new Uint8Array(values.length)
    return this.quantizer.quantize(values, training, this.mask)
  }

  /** Zeroes input gradients outside the quantizer's range (straight-through inside it). */
  maskInputGradient(gradient: Float32Array): void {
    if (this.quantizer === null) return
    for (let index = 0; index < gradient.length; index++) if (this.mask[index] === 0) gradient[index] = 0
  }

  /** Effective weights without noise, for export. */
  exported(): Float32Array {
    const out = new Float32Array(this.effective.length)
    transformWeights(this.weight.values, this.context.config.weights, out)
    return out
  }
}
