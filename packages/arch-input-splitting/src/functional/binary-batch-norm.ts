import { InvalidArgumentError } from '@cimkit/core'

/** Per-output batch norm: y = γ·(x − μ)/√(σ² + ε) + β. @since 0.1.0 */
export interface BinaryBatchNorm {
  readonly gamma: Float32Array
  readonly beta: Float32Array
  readonly mean: Float32Array
  readonly variance: Float32Array
  /** Default 1e-5. */
  readonly epsilon?: number
}

/**
 * sign(BN(x)) of `values` (batch × outputs) into `out`, +1 for ≥ 0 (BinaryNet's convention); without
 * batch norm, sign(x).
 * @since 0.1.0
 */
export function batchNormSign(values: Float32Array, batch: number, outputs: number, batchNorm: BinaryBatchNorm | null, out: Float32Array = new Float32Array(batch * outputs)): Float32Array {
  if (batchNorm !== null) {
    for (const key of ['gamma', 'beta', 'mean', 'variance'] as const) {
      if (batchNorm[key].length !== outputs) throw new InvalidArgumentError(`batchNorm.${key}`, `needs ${outputs} entries, got ${batchNorm[key].length}`)
    }
  }
  const epsilon = batchNorm?.epsilon ?? 1e-5
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < outputs; j++) {
      const x = values[b * outputs + j]!
      const y = batchNorm === null ? x : (batchNorm.gamma[j]! * (x - batchNorm.mean[j]!)) / Math.sqrt(batchNorm.variance[j]! + epsilon) + batchNorm.beta[j]!
      out[b * outputs + j] = y >= 0 ? 1 : -1
    }
  }
  return out
}
