import type { ConvertAccumulateParamsV1, ConvertScaleIntoParamsV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'

/**
 * Checks that every buffer of a `convertAccumulate` call covers what the shape reads or writes,
 * so no backend reads past an array (the native one would read foreign memory).
 * @since 0.2.0
 */
export function checkConvertAccumulateShape(params: ConvertAccumulateParamsV1): void {
  const { batch, outputCount, output, outputColumns, outputStart } = params
  checkConversionShape(params, 'convertAccumulate')
  if (!(isCount(outputColumns) && isCount(outputStart))) throw new InvalidArgumentError('convertAccumulate.outputColumns', `expected non-negative integers, got ${outputColumns} and start ${outputStart}`)
  if (batch > 0) need('convertAccumulate.output', output.length, (batch - 1) * outputColumns + outputStart + outputCount)
}

/**
 * The checks of a conversion call that do not concern its output (`convertAccumulate` and
 * `convertScaleInto` share them). NOTE: runs on every read of every slice, so it allocates
 * nothing unless it fails.
 * @since 0.2.0
 */
export function checkConversionShape(params: Omit<ConvertAccumulateParamsV1, 'output' | 'outputColumns' | 'outputStart'>, kernel: string): void {
  const { values, stride, offset, batch, planes, outputCount, steps, rangeMin, rangeSpan, rowSums, factors, digitalOffset } = params
  if (!(isCount(stride) && isCount(offset) && isCount(batch) && isCount(planes) && isCount(outputCount) && isCount(steps))) {
    const integers = { stride, offset, batch, planes, outputCount, steps }
    const [name, value] = Object.entries(integers).find(([, candidate]) => !isCount(candidate))!
    throw new InvalidArgumentError(`${kernel}.${name}`, `expected a non-negative integer, got ${value}`)
  }
  if (batch * planes > 0 && outputCount > 0) need(`${kernel}.values`, values.length, (planes * batch - 1) * stride + offset + outputCount)
  need(`${kernel}.rangeMin`, rangeMin.length, planes)
  need(`${kernel}.rangeSpan`, rangeSpan.length, planes)
  need(`${kernel}.factors`, factors.length, planes)
  need(`${kernel}.rowSums`, rowSums.length, planes * batch)
  if (digitalOffset !== null) {
    need(`${kernel}.digitalOffset.units`, digitalOffset.units.length, planes)
    if (digitalOffset.flipped !== null) need(`${kernel}.digitalOffset.flipped`, digitalOffset.flipped.length, outputCount)
  }
  if (steps > 0) for (let plane = 0; plane < planes; plane++) {
    if (!(rangeSpan[plane]! > 0)) throw new InvalidArgumentError(`${kernel}.rangeSpan`, `plane ${plane}: a quantizing converter needs a positive span, got ${rangeSpan[plane]}`)
  }
}

function need(name: string, length: number, required: number): void {
  if (length < required) throw new InvalidArgumentError(name, `has ${length} values, the shape needs ${required}`)
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0
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
