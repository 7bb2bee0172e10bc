import { absolutePercentile } from '../conversion/nearest-rank.js'
import type { WeightEncoding } from './weight-encoding.js'

/** Integer weights and the real value of one integer step. @since 0.1.0 */
export interface QuantizedWeights {
  /** rows×columns integers in [−maxInteger, maxInteger]. */
  readonly integers: Int32Array
  /** Real weight per integer unit (weight ≈ integer · scale). */
  readonly scale: number
}

/**
 * Quantizes real weights to the encoding's integers: |w| at the given percentile maps to
 * maxInteger, larger weights clip, rounding is half away from zero. Complementary-binary keeps
 * only the sign (0 counts as +1) with scale = that percentile of |w|.
 * @example quantizeWeights(Float32Array.of(0.5, -1), encoding8bit, 100) // integers [64, -127], scale 1/127
 * @since 0.1.0
 */
export function quantizeWeights(weights: Float32Array, encoding: WeightEncoding, percentile: number): QuantizedWeights {
  const fullScale = absolutePercentile(weights, percentile)
  const { maxInteger } = encoding
  const integers = new Int32Array(weights.length)
  if (fullScale === 0) return { integers, scale: 1 }
  if (encoding.mapping === 'complementary-binary') {
    for (let index = 0; index < weights.length; index++) integers[index] = weights[index]! >= 0 ? 1 : -1
    return { integers, scale: fullScale }
  }
  const scale = fullScale / maxInteger
  for (let index = 0; index < weights.length; index++) {
    const scaled = weights[index]! / scale
    const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled))
    integers[index] = Math.max(-maxInteger, Math.min(maxInteger, rounded))
  }
  return { integers, scale }
}
