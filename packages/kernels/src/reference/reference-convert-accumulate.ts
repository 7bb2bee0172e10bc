import type { ConvertAccumulateParamsV1 } from '@cimkit/core'
import { checkConvertAccumulateShape } from '../shared/convert-accumulate-shape.js'

/**
 * The oracle of `ComputeBackendV1.convertAccumulate`: per plane and vector, each column value is
 * converted by the ideal uniform quantizer (the same expression and round-half-up as an ADC that
 * declares `idealUniform`, the level stored as float32), its G_min offset and bias removed digitally,
 * flipped columns decoded, and the result shifted and added into `output`. Vectors that drive no row
 * (`idleVectors`, Σ = 0) read exactly 0 on every column, so their level is computed once.
 * @since 0.2.0
 */
export function referenceConvertAccumulate(params: ConvertAccumulateParamsV1): void {
  checkConvertAccumulateShape(params)
  const { values, stride, offset, batch, planes, outputCount, steps, rangeMin, rangeSpan, rowSums, idleVectors, factors, digitalOffset, output, outputColumns, outputStart } = params
  const flipped = digitalOffset?.flipped ?? null
  for (let plane = 0; plane < planes; plane++) {
    const min = rangeMin[plane]!
    const span = rangeSpan[plane]!
    const perUnit = steps / span
    const step = span / steps
    const factor = factors[plane]!
    const unit = digitalOffset?.units[plane] ?? 0
    const zeroLevel = steps > 0 ? quantizeIdeal(0, min, perUnit, step, steps) : 0
    for (let vector = 0; vector < batch; vector++) {
      const row = plane * batch + vector
      const rowSum = rowSums[row]!
      const outputBase = vector * outputColumns + outputStart
      let subtract = 0
      let flippedTerm = 0
      let biasTerm = 0
      if (digitalOffset !== null) {
        const offsetExact = digitalOffset.offsetDigits * rowSum
        subtract = unit > 0 ? Math.round(offsetExact / unit) * unit : offsetExact
        flippedTerm = digitalOffset.maxDigit * rowSum
        biasTerm = digitalOffset.bias * rowSum
      }
      if (idleVectors && rowSum === 0) {
        if (digitalOffset === null) {
          for (let column = 0; column < outputCount; column++) output[outputBase + column]! += factor * zeroLevel
          continue
        }
        const value = zeroLevel - subtract
        const direct = factor * (value - biasTerm)
        const inverted = factor * (flippedTerm - value - biasTerm)
        for (let column = 0; column < outputCount; column++) output[outputBase + column]! += flipped !== null && flipped[column] === 1 ? inverted : direct
        continue
      }
      const valueBase = row * stride + offset
      for (let column = 0; column < outputCount; column++) {
        const x = values[valueBase + column]!
        const level = steps > 0 ? quantizeIdeal(x, min, perUnit, step, steps) : x
        if (digitalOffset === null) {
          output[outputBase + column]! += factor * level
          continue
        }
        const value = level - subtract
        output[outputBase + column]! += factor * ((flipped !== null && flipped[column] === 1 ? flippedTerm - value : value) - biasTerm)
      }
    }
  }
}

/** The ideal uniform quantizer of `OutputConverterV1.idealUniform`, one value. */
function quantizeIdeal(value: number, min: number, perUnit: number, step: number, steps: number): number {
  const position = (value - min) * perUnit + 0.5
  const code = position < 1 ? 0 : position >= steps ? steps : Math.trunc(position)
  return Math.fround(min + code * step)
}
