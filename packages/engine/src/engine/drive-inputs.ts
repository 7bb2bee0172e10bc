import type { ComputeBackendV1, InputEncoderV1 } from '@cimkit/core'
import type { DrivePlanes } from '../encoding/encode-inputs.js'
import { encodeInputs } from '../encoding/encode-inputs.js'

/**
 * Drive planes of a batch: inputs divided by the input scale and clipped to [−1, 1], then encoded.
 * An encoder with uniform levels is normalized and encoded by the backend in one pass
 * (`encodeUniform`, bit-identical to the steps written out below, as the spec requires). `buffer`
 * gives the arrays to write into: reused ones, or fresh ones when middleware may keep the drive.
 * @since 0.2.0
 */
export function driveInputs(inputs: Float32Array, scale: number, encoder: InputEncoderV1 | null, backend: ComputeBackendV1, buffer: (name: string, length: number) => Float32Array): DrivePlanes {
  const levels = encoder?.uniformLevels
  if (encoder !== null && levels !== undefined && encoder.cycles === 1 && backend.encodeUniform !== undefined) {
    const planes = buffer('planes', inputs.length)
    const negative = backend.encodeUniform({ inputs, inputScale: scale, levels, planes })
    // An unsigned encoder given negative inputs runs two passes: the general path below.
    if (encoder.signed || !negative) return { planes, cycles: 1, planeWeights: Float64Array.of(levels.planeWeight), profilePlane: Int32Array.of(0) }
  }
  const normalized = buffer('normalized', inputs.length)
  for (let index = 0; index < inputs.length; index++) {
    const value = inputs[index]! / scale
    normalized[index] = value > 1 ? 1 : value < -1 ? -1 : value
  }
  return encodeInputs(normalized, encoder)
}
