/**
 * Clips to [min, max], then rounds to the nearest multiple of `step` (ties away from zero, like
 * C's `roundf`, so native backends agree bit for bit). `step` 0 only clips. `out` may alias `values`.
 * @example const out = new Float32Array(1); referenceQuantize(new Float32Array([0.26]), 0.1, -1, 1, out) // out[0] ≈ 0.3
 * @since 0.1.0
 */
export function referenceQuantize(values: Float32Array, step: number, min: number, max: number, out: Float32Array): void {
  for (let index = 0; index < values.length; index++) {
    let value = values[index]!
    value = value < min ? min : value > max ? max : value
    if (step > 0) {
      const scaled = value / step
      value = (scaled < 0 ? -Math.round(-scaled) : Math.round(scaled)) * step
    }
    out[index] = value
  }
}
