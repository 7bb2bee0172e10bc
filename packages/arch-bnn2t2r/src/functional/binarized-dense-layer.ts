import { InvalidArgumentError } from '@cimkit/core'
import type { ComputeBackendV1, RandomSource } from '@cimkit/core'
import { programBinaryWeights } from './binary-weight-store.js'
import type { BinaryStorageHardware, BinaryWeightStore, WeightStorage } from './binary-weight-store.js'
import { packSigns, xnorPopcount } from './xnor-popcount.js'

/** How a binarized dense layer is put on hardware. @since 0.1.0 */
export interface BinarizedDenseLayerOptions extends BinaryStorageHardware {
  /** Default `{ type: '2t2r' }`. */
  readonly storage?: WeightStorage
  /** Integer thresholds T_j (neuron fires when popcount ≥ T_j); null = output popcounts only (last layer, argmax). */
  readonly thresholds?: Int32Array | null
  /**
   * `once` (default): the weights are read once after programming and the reads reused, so weight
   * errors persist like the programming errors paper 004 measures; `every-inference`: every
   * inference re-reads every weight through the sense amplifier (decision noise redrawn each time;
   * 2T2R reads XNOR(x, w) in the sense amplifier itself).
   */
  readonly read?: 'once' | 'every-inference'
  readonly random: RandomSource
}

/** What one run of the layer produced. @since 0.1.0 */
export interface BinarizedDenseResult {
  /** POPCOUNT(XNOR(W_j, X)) per sample and neuron, `batch × outputs`. */
  readonly popcounts: Int32Array
  /** sign(popcount − T_j) as ±1 (sign(0) = +1), `batch × outputs`; null without thresholds. */
  readonly activations: Float32Array | null
}

/**
 * One binarized dense layer on 2T2R arrays (paper 004 §2.3 eq. 2 and Fig. 3): weights programmed as
 * complementary pairs through a `DeviceModelV1`, read by a precharge sense amplifier
 * (`OutputConverterV1`), XNOR with the ±1 inputs, popcount, integer threshold. The same layer on
 * single-ended 1T1R cells or ECC-protected 1T1R cells (`storage`) is the comparison of paper 004 §3.
 * @since 0.1.0
 */
export class BinarizedDenseLayer {
  /** The weights as the hardware reads them (±1, `inputs × outputs`, the last read). */
  storedSigns: Int8Array
  private packedWeights: Uint32Array
  private readonly wordsPerNeuron: number
  private inferences = 0
  private readonly random: RandomSource

  constructor(
    readonly inputs: number,
    readonly outputs: number,
    readonly store: BinaryWeightStore,
    readonly thresholds: Int32Array | null,
    readonly readMode: 'once' | 'every-inference',
    random: RandomSource,
  ) {
    this.random = random
    this.wordsPerNeuron = Math.ceil(inputs / 32)
    this.storedSigns = store.read(random.stream('read', 0))
    this.packedWeights = this.pack(this.storedSigns)
  }

  private pack(signs: Int8Array): Uint32Array {
    const packed = new Uint32Array(this.outputs * this.wordsPerNeuron)
    for (let j = 0; j < this.outputs; j++) packSigns(signs, j, this.outputs, this.inputs, packed, j * this.wordsPerNeuron)
    return packed
  }

  /** Runs `batch` samples (`inputs` is `batch × inputs`, ≥ 0 → +1, else −1). */
  run(inputs: Float32Array, batch: number): BinarizedDenseResult {
    const { inputs: k, outputs: j } = this
    if (inputs.length !== batch * k) throw new InvalidArgumentError('inputs', `needs ${batch}×${k} values, got ${inputs.length}`)
    const popcounts = new Int32Array(batch * j)
    const packedInput = new Uint32Array(this.wordsPerNeuron)
    for (let sample = 0; sample < batch; sample++) {
      const inference = this.inferences++
      if (this.readMode === 'every-inference' && this.store.readXnor !== undefined) {
        this.xnorInSenseAmp(inputs, sample, popcounts, inference)
        continue
      }
      if (this.readMode === 'every-inference' && inference > 0) {
        this.storedSigns = this.store.read(this.random.stream('read', inference))
        this.packedWeights = this.pack(this.storedSigns)
      }
      packSigns(inputs, sample * k, 1, k, packedInput, 0)
      for (let neuron = 0; neuron < j; neuron++) {
        popcounts[sample * j + neuron] = xnorPopcount(this.packedWeights, neuron * this.wordsPerNeuron, packedInput, 0, k)
      }
    }
    return { popcounts, activations: this.threshold(popcounts) }
  }

  /**
   * Σ_i w_ij·x_i for real-valued inputs (`batch × inputs`) with the weights as the sense amplifiers
   * read them, `batch × outputs`: for a first layer fed pixels, which XNOR cannot take. NOTE: paper 004
   * does not say how its first layer treats non-binary inputs; here the weights come from the 2T2R
   * read and the multiply-add is digital. With a `backend`, one GEMM.
   */
  runRealInputs(inputs: Float32Array, batch: number, backend?: ComputeBackendV1): Float32Array {
    const { inputs: k, outputs: j } = this
    if (inputs.length !== batch * k) throw new InvalidArgumentError('inputs', `needs ${batch}×${k} values, got ${inputs.length}`)
    this.inferences += batch
    const out = new Float32Array(batch * j)
    if (backend !== undefined) {
      backend.gemm({ m: batch, n: j, k, a: inputs, b: Float32Array.from(this.storedSigns), c: out })
      return out
    }
    for (let sample = 0; sample < batch; sample++) {
      for (let i = 0; i < k; i++) {
        const x = inputs[sample * k + i]!
        if (x === 0) continue
        for (let neuron = 0; neuron < j; neuron++) out[sample * j + neuron]! += x * this.storedSigns[i * j + neuron]!
      }
    }
    return out
  }

  /** The XNOR-PCSA path: every synapse sensed with its input, then counted. */
  private xnorInSenseAmp(inputs: Float32Array, sample: number, popcounts: Int32Array, inference: number): void {
    const { inputs: k, outputs: j } = this
    const inputSigns = new Int8Array(k * j)
    for (let i = 0; i < k; i++) {
      const sign = inputs[sample * k + i]! >= 0 ? 1 : -1
      for (let neuron = 0; neuron < j; neuron++) inputSigns[i * j + neuron] = sign
    }
    const agree = this.store.readXnor!(inputSigns, this.random.stream('read', inference))
    for (let i = 0; i < k; i++) {
      for (let neuron = 0; neuron < j; neuron++) if (agree[i * j + neuron] === 1) popcounts[sample * j + neuron]!++
    }
  }

  private threshold(popcounts: Int32Array): Float32Array | null {
    if (this.thresholds === null) return null
    const activations = new Float32Array(popcounts.length)
    for (let index = 0; index < popcounts.length; index++) {
      activations[index] = popcounts[index]! >= this.thresholds[index % this.outputs]! ? 1 : -1
    }
    return activations
  }

  /**
   * Counts of component actions per inference, contracts.md vocabulary plus the popcount roles:
   * every synapse is one sense decision (`adc.convert`) of `devices/weights` cells (`array.cellRead`)
   * and one popcount add; every neuron with a threshold one `threshold.compare`.
   */
  activity(): Readonly<Record<string, Readonly<Record<string, number>>>> {
    const synapses = this.inputs * this.outputs
    return {
      array: { cellRead: (synapses * this.store.devices) / this.store.count },
      adc: { convert: (synapses * this.store.devices) / this.store.count / (this.store.storage.type === '2t2r' ? 2 : 1) },
      popcount: { add: synapses },
      threshold: { compare: this.thresholds === null ? 0 : this.outputs },
    }
  }

  /** Inferences run so far. */
  get inferenceCount(): number {
    return this.inferences
  }
}

/**
 * Programs a binarized dense layer: `weights` is `inputs × outputs` row-major (rows = inputs, as in
 * contracts.md), ≥ 0 → +1. Weights of neurons to negate (batch-norm folding with γ < 0) must be
 * negated by the caller before programming.
 * @example programBinarizedDenseLayer(weights, 784, 1024, { device, senseAmp: pcsa, random, thresholds }).run(x, 1)
 * @since 0.1.0
 */
export function programBinarizedDenseLayer(weights: Float32Array, inputs: number, outputs: number, options: BinarizedDenseLayerOptions): BinarizedDenseLayer {
  if (!(Number.isInteger(inputs) && inputs >= 1 && Number.isInteger(outputs) && outputs >= 1)) throw new InvalidArgumentError('inputs', `inputs and outputs must be positive integers, got ${inputs}, ${outputs}`)
  if (weights.length !== inputs * outputs) throw new InvalidArgumentError('weights', `needs ${inputs}×${outputs} values, got ${weights.length}`)
  const thresholds = options.thresholds ?? null
  if (thresholds !== null && thresholds.length !== outputs) throw new InvalidArgumentError('thresholds', `needs ${outputs} entries, got ${thresholds.length}`)
  const store = programBinaryWeights(weights, options.storage ?? { type: '2t2r' }, options, options.random.stream('program'))
  return new BinarizedDenseLayer(inputs, outputs, store, thresholds, options.read ?? 'once', options.random)
}
