import { InvalidArgumentError } from '@cimkit/core'

/** Batch normalisation after a binarized dense layer, per output neuron. @since 0.1.0 */
export interface BatchNormParameters {
  readonly gamma: Float32Array
  readonly beta: Float32Array
  readonly mean: Float32Array
  readonly variance: Float32Array
  /** Default 1e-5. */
  readonly epsilon?: number
  /** Bias added to Σ w·x before the normalisation, per neuron (default none). */
  readonly bias?: Float32Array
}

/** Integer popcount thresholds of a layer and the neurons whose weights must be stored negated. @since 0.1.0 */
export interface IntegerThresholds {
  /** Neuron j fires (+1) when its popcount P_j ≥ thresholds[j] (sign(0) = +1). */
  readonly thresholds: Int32Array
  /** 1 where γ < 0: store −W for that neuron so the comparison stays P ≥ T. */
  readonly negate: Uint8Array
}

/**
 * Folds batch normalisation into the integer thresholds of paper 004 eq. (2),
 * A_j = sign(POPCOUNT(XNOR(W_j, X)) − T_j) (§2.3: "batch normalization … folded into the threshold").
 * With y = Σ w·x + b = 2P − K + b and c = μ − β·√(σ² + ε)/γ: γ > 0 fires when y ≥ c, i.e.
 * P ≥ ⌈(K + c − b)/2⌉; γ < 0 fires when y ≤ c, i.e. P' ≥ ⌈(K − c + b)/2⌉ with P' = K − P the popcount
 * of the negated weights; γ = 0 fires always (β ≥ 0: T = 0) or never (T = K + 1).
 * @example foldBatchNormToThresholds({ gamma: Float32Array.of(1), beta: Float32Array.of(0), mean: Float32Array.of(2), variance: Float32Array.of(1) }, 10).thresholds[0] // returns 6
 * @since 0.1.0
 */
export function foldBatchNormToThresholds(parameters: BatchNormParameters, inputs: number): IntegerThresholds {
  const { gamma, beta, mean, variance } = parameters
  const outputs = gamma.length
  for (const [name, values] of [['beta', beta], ['mean', mean], ['variance', variance], ['bias', parameters.bias ?? gamma]] as const) {
    if (values.length !== outputs) throw new InvalidArgumentError(name, `needs ${outputs} entries, got ${values.length}`)
  }
  const epsilon = parameters.epsilon ?? 1e-5
  const thresholds = new Int32Array(outputs)
  const negate = new Uint8Array(outputs)
  for (let j = 0; j < outputs; j++) {
    const g = gamma[j]!
    const bias = parameters.bias?.[j] ?? 0
    if (g === 0) {
      thresholds[j] = beta[j]! >= 0 ? 0 : inputs + 1
      continue
    }
    const c = mean[j]! - (beta[j]! * Math.sqrt(variance[j]! + epsilon)) / g
    if (g > 0) {
      thresholds[j] = Math.ceil((inputs + c - bias) / 2)
    } else {
      negate[j] = 1
      thresholds[j] = Math.ceil((inputs - c + bias) / 2)
    }
    thresholds[j] = Math.min(inputs + 1, Math.max(0, thresholds[j]!))
  }
  return { thresholds, negate }
}
