import type { InputEncoderV1 } from '@cimkit/core'

/**
 * What the engine needs to know statically about an input encoder to size converter ranges: per
 * plane the drive interval, and the smallest drive step (the quantum that makes integer products
 * land on converter codes). Found by encoding a sweep of every representable input once.
 * @since 0.1.0
 */
export interface EncoderProfile {
  readonly cycles: number
  readonly planeWeights: Float64Array
  readonly planeMin: Float64Array
  readonly planeMax: Float64Array
  /** Smallest non-zero |drive level|, or 0 for ideal analog inputs (no alignment possible). */
  readonly quantum: number
}

/** Profile of an encoder, or of ideal analog drive (null). @since 0.1.0 */
export function profileEncoder(encoder: InputEncoderV1 | null): EncoderProfile {
  if (encoder === null) {
    return { cycles: 1, planeWeights: Float64Array.of(1), planeMin: Float64Array.of(-1), planeMax: Float64Array.of(1), quantum: 0 }
  }
  const low = encoder.signed ? -1 : 0
  // 2^(bits+1) + 1 points hit every level of a bits-bit encoder (capped for very wide ones).
  const count = Math.min(2 ** Math.min(encoder.bits ?? 16, 16) * 2 + 1, 131073)
  const sweep = new Float32Array(count)
  for (let index = 0; index < count; index++) sweep[index] = low + ((1 - low) * index) / (count - 1)
  const encoded = encoder.encode(sweep)
  const planeMin = new Float64Array(encoded.cycles).fill(Infinity)
  const planeMax = new Float64Array(encoded.cycles).fill(-Infinity)
  let quantum = Infinity
  for (let cycle = 0; cycle < encoded.cycles; cycle++) {
    for (let index = 0; index < count; index++) {
      const level = encoded.planes[cycle * count + index]!
      planeMin[cycle] = Math.min(planeMin[cycle]!, level)
      planeMax[cycle] = Math.max(planeMax[cycle]!, level)
      if (level !== 0) quantum = Math.min(quantum, Math.abs(level))
    }
  }
  return { cycles: encoded.cycles, planeWeights: Float64Array.from(encoded.planeWeights), planeMin, planeMax, quantum: Number.isFinite(quantum) ? quantum : 0 }
}
