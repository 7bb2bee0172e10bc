import { InvalidArgumentError } from '@cimkit/core'

/**
 * The oracle of `scaleInto`: out[i] = float32(values[i] · factor).
 * @since 0.2.0
 */
export function referenceScaleInto(values: Float64Array, factor: number, out: Float32Array): void {
  checkScaleIntoShape(values, out)
  for (let index = 0; index < values.length; index++) out[index] = values[index]! * factor
}

/**
 * Checks a `scaleInto` call before it reaches native code: `out` covers the values.
 * @since 0.2.0
 */
export function checkScaleIntoShape(values: Float64Array, out: Float32Array): void {
  if (out.length < values.length) throw new InvalidArgumentError('scaleInto.out', `has ${out.length} values, the input ${values.length}`)
}
