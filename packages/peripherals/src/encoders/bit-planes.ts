import { InvalidArgumentError } from '@cimkit/core'
import type { EncodedInputV1 } from '@cimkit/core'
import { allocatePlanes, codeOf } from './encoded-planes.js'

/** How a bit-plane driver represents a value. @since 0.1.0 */
export type BitPlaneCoding = 'unsigned' | 'twos-complement' | 'sign-magnitude'

/** Read cycles a `bits`-bit coding takes (the sign folds into the planes for sign-magnitude). @since 0.1.0 */
export function bitPlaneCycles(bits: number, coding: BitPlaneCoding): number {
  return coding === 'sign-magnitude' ? bits - 1 : bits
}

/**
 * Digital weight of each plane, LSB first. Inputs ±1 map to ±(2^B − 1)/2 codes (signed) or
 * 0…2^B − 1 (unsigned), so every input lies within half a step of the uniform 2^B-level grid.
 * Two's complement weights its MSB −2^(B−1) (paper 003 §V B, ISAAC).
 * @example bitPlaneWeights(2, 'unsigned') // returns [1/3, 2/3]
 * @since 0.1.0
 */
export function bitPlaneWeights(bits: number, coding: BitPlaneCoding): number[] {
  const scale = coding === 'unsigned' ? 2 ** bits - 1 : (2 ** bits - 1) / 2
  const cycles = bitPlaneCycles(bits, coding)
  const weights: number[] = []
  for (let cycle = 0; cycle < cycles; cycle++) {
    const msbOfTwosComplement = coding === 'twos-complement' && cycle === bits - 1
    weights.push((msbOfTwosComplement ? -(2 ** cycle) : 2 ** cycle) / scale)
  }
  return weights
}

/**
 * Splits normalised inputs into 1-bit planes, LSB first (paper 003 Eq. 8): 0/1 planes for unsigned
 * and two's complement, ±1/0 planes (magnitude bits carrying the sign as drive polarity) for
 * sign-magnitude.
 * @example encodeBitPlanes(new Float32Array([1]), 2, 'unsigned').planes // returns Float32Array [1, 1]
 * @since 0.1.0
 */
export function encodeBitPlanes(values: Float32Array, bits: number, coding: BitPlaneCoding): EncodedInputV1 {
  if (!Number.isInteger(bits) || bits < 1 || bits > 32) throw new InvalidArgumentError('bits', `a bit-plane driver takes 1 to 32 bits, got ${bits}`)
  const cycles = bitPlaneCycles(bits, coding)
  const encoded = allocatePlanes(cycles, values.length, bitPlaneWeights(bits, coding))
  const planes = encoded.planes
  const length = values.length
  // Bit patterns (the magnitude for sign-magnitude, with its sign apart), then one plane at a time
  // so that every plane is written contiguously. NOTE: bits ≤ 31 here, so a pattern fits in int32
  // and bit c is (pattern >>> c) & 1, the same value as ⌊pattern / 2^c⌋ mod 2.
  const patterns = new Uint32Array(length)
  const signs = coding === 'sign-magnitude' ? new Float32Array(length) : null
  if (coding === 'unsigned') {
    const maxCode = 2 ** bits - 1
    for (let index = 0; index < length; index++) patterns[index] = codeOf(values[index]!, maxCode, 0, maxCode)
  } else if (coding === 'twos-complement') {
    const scale = (2 ** bits - 1) / 2
    const span = 2 ** bits
    for (let index = 0; index < length; index++) {
      const code = codeOf(values[index]!, scale, -(2 ** (bits - 1)), 2 ** (bits - 1) - 1)
      patterns[index] = code < 0 ? code + span : code
    }
  } else {
    const scale = (2 ** bits - 1) / 2
    const maxMagnitude = 2 ** (bits - 1) - 1
    for (let index = 0; index < length; index++) {
      const code = codeOf(values[index]!, scale, -maxMagnitude, maxMagnitude)
      signs![index] = code < 0 ? -1 : 1
      patterns[index] = code < 0 ? -code : code
    }
  }
  for (let cycle = 0; cycle < cycles; cycle++) {
    const plane = planes.subarray(cycle * length, (cycle + 1) * length)
    // A set bit drives the input's polarity; a clear bit a plain +0 (bit · sign + 0 turns −0 into +0).
    if (signs === null) for (let index = 0; index < length; index++) plane[index] = (patterns[index]! >>> cycle) & 1
    else for (let index = 0; index < length; index++) plane[index] = ((patterns[index]! >>> cycle) & 1) * signs[index]! + 0
  }
  return encoded
}
