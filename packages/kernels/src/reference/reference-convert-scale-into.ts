import type { ConvertScaleIntoParamsV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { checkConversionShape } from '../shared/convert-accumulate-shape.js'
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

/**
 * Checks a `convertScaleInto` call: the conversion's checks, then the result's.
 * @since 0.2.0
 */
export function checkConvertScaleIntoShape(params: ConvertScaleIntoParamsV1): void {
  const { batch, outputCount, result, resultColumns, resultStart } = params
  checkConversionShape(params, 'convertScaleInto')
  if (!(Number.isInteger(resultColumns) && resultColumns >= 0 && Number.isInteger(resultStart) && resultStart >= 0)) {
    throw new InvalidArgumentError('convertScaleInto.resultColumns', `expected non-negative integers, got ${resultColumns} and start ${resultStart}`)
  }
  if (batch > 0 && outputCount > 0 && result.length < (batch - 1) * resultColumns + resultStart + outputCount) {
    throw new InvalidArgumentError('convertScaleInto.result', `has ${result.length} values, the shape needs ${(batch - 1) * resultColumns + resultStart + outputCount}`)
  }
}
