/**
 * A trainable tensor: latent values (what the optimizer updates) and the gradient of the loss
 * with respect to them, accumulated by the backward pass.
 * @since 0.1.0
 */
export interface Parameter {
  /** `node.weight`, `node.bias`, `node.scale`, `node.shift`. */
  readonly name: string
  readonly values: Float32Array
  readonly gradient: Float32Array
  /** Latent values are clamped to [−clip, clip] after each step (BNN recipe: 1); null = no clamp. */
  readonly clip: number | null
  /** Whether weight decay applies (weights yes; biases and batch-norm parameters no). */
  readonly decay: boolean
}

/** Makes a parameter around existing values with a zero gradient. @since 0.1.0 */
export function createParameter(name: string, values: Float32Array, options: { clip?: number | null; decay?: boolean } = {}): Parameter {
  return { name, values, gradient: new Float32Array(values.length), clip: options.clip ?? null, decay: options.decay ?? false }
}
