/**
 * Quantization-aware training of activations: values are clipped to a range learned as a running
 * average of each batch's extremes (unsigned [0, max] when the inputs were never negative, else
 * symmetric) and rounded to 2^bits levels; gradients pass straight through inside the range and
 * are zero outside it.
 * @since 0.1.0
 */
export class ActivationQuantizer {
  private maxAbs = 0
  private signed = false
  private initialized = false

  constructor(
    readonly bits: number,
    /** Weight of the newest batch in the running range. */
    readonly momentum = 0.1,
  ) {}

  /** Quantizes `input` into a new array and records in `mask` (1/0) where the gradient passes. */
  quantize(input: Float32Array, training: boolean, mask: Uint8Array): Float32Array {
    if (training) {
      let batchMax = 0
      for (const value of input) {
        batchMax = Math.max(batchMax, Math.abs(value))
        if (value < 0) this.signed = true
      }
      this.maxAbs = this.initialized ? (1 - this.momentum) * this.maxAbs + this.momentum * batchMax : batchMax
      this.initialized = true
    }
    const output = new Float32Array(input.length)
    const max = this.maxAbs
    if (max === 0) {
      mask.fill(1)
      return output.fill(0)
    }
    const min = this.signed ? -max : 0
    const levels = this.signed ? 2 ** (this.bits - 1) - 1 : 2 ** this.bits - 1
    const step = max / levels
    for (let index = 0; index < input.length; index++) {
      const value = input[index]!
      const clipped = Math.min(Math.max(value, min), max)
      mask[index] = clipped === value ? 1 : 0
      output[index] = Math.round(clipped / step) * step
    }
    return output
  }
}
