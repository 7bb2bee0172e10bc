import { checkScaleIntoShape } from '../shared/scale-into-shape.js'

/**
 * The oracle of `scaleInto`: out[i] = float32(values[i] · factor).
 * @since 0.2.0
 */
export function referenceScaleInto(values: Float64Array, factor: number, out: Float32Array): void {
  checkScaleIntoShape(values, out)
  for (let index = 0; index < values.length; index++) out[index] = values[index]! * factor
}
