import type { InputEncoderV1 } from '@cimkit/core'

/** Drive planes of a batch: `cycles × batch × rows`, with the digital weight of each plane. @since 0.1.0 */
export interface DrivePlanes {
  readonly planes: Float32Array
  readonly cycles: number
  readonly planeWeights: Float64Array
  /** For each plane, the encoder plane it repeats (for per-plane converter ranges). */
  readonly profilePlane: Int32Array
}

/**
 * Encodes normalized inputs (batch×rows in [−1, 1]) into drive planes. Ideal drive (null) is one
 * plane of the values. An unsigned encoder given negative inputs runs two passes, the positive
 * part and the magnitude of the negative part, the second with negated plane weights (the
 * sign-magnitude passes of survey §V B).
 * @since 0.1.0
 */
export function encodeInputs(normalized: Float32Array, encoder: InputEncoderV1 | null): DrivePlanes {
  if (encoder === null) return { planes: normalized, cycles: 1, planeWeights: Float64Array.of(1), profilePlane: Int32Array.of(0) }
  let hasNegative = false
  if (!encoder.signed) {
    for (let index = 0; index < normalized.length; index++) {
      if (normalized[index]! < 0) {
        hasNegative = true
        break
      }
    }
  }
  if (encoder.signed || !hasNegative) {
    const encoded = encoder.encode(normalized)
    return { planes: encoded.planes, cycles: encoded.cycles, planeWeights: encoded.planeWeights, profilePlane: Int32Array.from({ length: encoded.cycles }, (_, cycle) => cycle) }
  }
  const positive = Float32Array.from(normalized, (value) => (value > 0 ? value : 0))
  const negative = Float32Array.from(normalized, (value) => (value < 0 ? -value : 0))
  const first = encoder.encode(positive)
  const second = encoder.encode(negative)
  const planes = new Float32Array(first.planes.length + second.planes.length)
  planes.set(first.planes)
  planes.set(second.planes, first.planes.length)
  const planeWeights = new Float64Array(first.cycles + second.cycles)
  planeWeights.set(first.planeWeights)
  for (let cycle = 0; cycle < second.cycles; cycle++) planeWeights[first.cycles + cycle] = -second.planeWeights[cycle]!
  const profilePlane = Int32Array.from({ length: first.cycles + second.cycles }, (_, cycle) => cycle % first.cycles)
  return { planes, cycles: first.cycles + second.cycles, planeWeights, profilePlane }
}
