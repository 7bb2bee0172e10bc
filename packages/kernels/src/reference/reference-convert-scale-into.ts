import type { ConvertScaleIntoParamsV1 } from '@cimkit/core'
import { checkConvertScaleIntoShape } from '../shared/convert-accumulate-shape.js'
import { referenceConvertAccumulate } from './reference-convert-accumulate.js'

/**
 * The oracle of `convertScaleInto`, as its definition reads: `convertAccumulate` into a zeroed
 * float64 accumulator, then each sum times `scale` stored into the float32 result.
 * @since 0.2.0
 */
export function referenceConvertScaleInto(params: ConvertScaleIntoParamsV1): void {
  checkConvertScaleIntoShape(params)
  const { scale, result, resultColumns, resultStart, ...rest } = params
  const accumulator = new Float64Array(params.batch * params.outputCount)
  referenceConvertAccumulate({ ...rest, output: accumulator, outputColumns: params.outputCount, outputStart: 0 })
  for (let vector = 0; vector < params.batch; vector++) {
    for (let column = 0; column < params.outputCount; column++) result[vector * resultColumns + resultStart + column] = accumulator[vector * params.outputCount + column]! * scale
  }
}
