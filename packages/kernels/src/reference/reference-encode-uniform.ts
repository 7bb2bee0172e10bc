import type { EncodeUniformParamsV1 } from '@cimkit/core'
import { checkEncodeUniformShape } from '../shared/encode-uniform-shape.js'

/**
 * The oracle of `encodeUniform`: the engine's normalization (v = x / inputScale clipped to [−1, 1],
 * stored as float32) followed by `UniformLevelsV1`'s definition, written with the same JavaScript
 * operations as the encoders that declare it.
 * @since 0.2.0
 */
export function referenceEncodeUniform(params: EncodeUniformParamsV1): boolean {
  checkEncodeUniformShape(params)
  const { inputs, inputScale, levels, planes } = params
  const { low, scale, minCode, maxCode, divisor } = levels
  const halfAway = levels.rounding === 'half-away-from-zero'
  const normalized = new Float32Array(1)
  let sawNegative = false
  for (let index = 0; index < inputs.length; index++) {
    const value = inputs[index]! / inputScale
    normalized[0] = value > 1 ? 1 : value < -1 ? -1 : value
    const v = normalized[0]!
    if (v < 0) sawNegative = true
    const clipped = Math.min(1, Math.max(low, v))
    const scaled = clipped * scale
    let code = halfAway ? Math.sign(clipped) * Math.round(Math.abs(scaled)) : Math.round(scaled) + 0
    code = code < minCode ? minCode : code > maxCode ? maxCode : code
    planes[index] = code / divisor
  }
  return sawNegative
}
