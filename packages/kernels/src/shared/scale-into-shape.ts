import { InvalidArgumentError } from '@cimkit/core'

/**
 * Checks a `scaleInto` call before it reaches native code: `out` covers the values.
 * @since 0.2.0
 */
export function checkScaleIntoShape(values: Float64Array, out: Float32Array): void {
  if (out.length < values.length) throw new InvalidArgumentError('scaleInto.out', `has ${out.length} values, the input ${values.length}`)
}
