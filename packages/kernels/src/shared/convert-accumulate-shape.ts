import type { ConvertAccumulateParamsV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'

/**
 * Checks that every buffer of a `convertAccumulate` call covers what the shape reads or writes,
 * so no backend reads past an array (the native one would read foreign memory).
 * @since 0.2.0
 */
export function checkConvertAccumulateShape(params: ConvertAccumulateParamsV1): void {
  const { values, stride, offset, batch, planes, outputCount, steps, rangeMin, rangeSpan, rowSums, factors, digitalOffset, output, outputColumns, outputStart } = params
  // NOTE: checked on every read of every slice: no per-call allocation (names only on failure).
  if (!(isCount(stride) && isCount(offset) && isCount(batch) && isCount(planes) && isCount(outputCount) && isCount(steps) && isCount(outputColumns) && isCount(outputStart))) {
    const integers = { stride, offset, batch, planes, outputCount, steps, outputColumns, outputStart }
    const [name, value] = Object.entries(integers).find(([, candidate]) => !isCount(candidate))!
    throw new InvalidArgumentError(`convertAccumulate.${name}`, `expected a non-negative integer, got ${value}`)
  }
  const need = (name: string, length: number, required: number): void => {
    if (length < required) throw new InvalidArgumentError(`convertAccumulate.${name}`, `has ${length} values, the shape needs ${required}`)
  }
  if (batch * planes > 0 && outputCount > 0) need('values', values.length, (planes * batch - 1) * stride + offset + outputCount)
  need('rangeMin', rangeMin.length, planes)
  need('rangeSpan', rangeSpan.length, planes)
  need('factors', factors.length, planes)
  need('rowSums', rowSums.length, planes * batch)
  if (batch > 0) need('output', output.length, (batch - 1) * outputColumns + outputStart + outputCount)
  if (digitalOffset !== null) {
    need('digitalOffset.units', digitalOffset.units.length, planes)
    if (digitalOffset.flipped !== null) need('digitalOffset.flipped', digitalOffset.flipped.length, outputCount)
  }
  if (steps > 0) for (let plane = 0; plane < planes; plane++) {
    if (!(rangeSpan[plane]! > 0)) throw new InvalidArgumentError('convertAccumulate.rangeSpan', `plane ${plane}: a quantizing converter needs a positive span, got ${rangeSpan[plane]}`)
  }
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0
}
