import type { ArrayOrganizationV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'

/** The signed-weight schemes of survey §VI C (seed-003 §3.4). @since 0.1.0 */
export const WEIGHT_MAPPINGS = ['differential', 'offset-reference', 'offset-digital', 'complementary-binary', 'biased-flipped'] as const

/** @since 0.1.0 */
export type WeightMappingName = (typeof WEIGHT_MAPPINGS)[number]

/**
 * How integer weights become cell digits: B_w-bit weights in N_w slices of b bits (survey Eq. 9,
 * with the shift 2^(c·b), not the misprinted 2^c).
 * - `differential`, `complementary-binary`: sign-magnitude; the magnitude's digits go to G⁺ for
 *   positive weights and G⁻ for negative ones, subtracted in analog (Eq. 11). B_w − 1 magnitude bits.
 * - `offset-*`, `biased-flipped`: biased unsigned u = q + β with β = 2^(B_w−1); β·Σx is removed by a
 *   reference column in analog (`offset-reference`) or digitally after conversion (the others).
 * @since 0.1.0
 */
export interface WeightEncoding {
  readonly mapping: WeightMappingName
  readonly weightBits: number
  readonly bitsPerCell: number
  /** Slices per weight, N_w = ⌈stored bits / b⌉. */
  readonly slices: number
  /** Largest integer weight magnitude (2^(B_w−1) − 1; 1 for complementary-binary). */
  readonly maxInteger: number
  /** Bias β added before slicing (0 for sign-magnitude schemes). */
  readonly bias: number
  /** Two cells (G⁺, G⁻) per weight digit. */
  readonly pair: boolean
  /** A reference column per slice is subtracted in analog. */
  readonly referenceColumn: boolean
  /** The bias (and G_min) contribution is subtracted digitally after conversion. */
  readonly digitalOffset: boolean
  /** ISAAC's static column flip (saves one ADC bit). */
  readonly flip: boolean
  /** Largest digit of one cell, 2^b − 1. */
  readonly maxDigit: number
}

/**
 * Validates the organization's weight fields and derives the slicing.
 * @example weightEncoding({ weightBits: 16, bitsPerCell: 2, weightMapping: 'biased-flipped', ... }).slices // returns 8
 * @since 0.1.0
 */
export function weightEncoding(organization: ArrayOrganizationV1): WeightEncoding {
  const { weightBits, bitsPerCell, weightMapping } = organization
  if (!(WEIGHT_MAPPINGS as readonly string[]).includes(weightMapping)) {
    throw new InvalidArgumentError('organization.weightMapping', `unknown mapping "${weightMapping}" (expected one of ${WEIGHT_MAPPINGS.join(', ')})`)
  }
  const mapping = weightMapping as WeightMappingName
  if (!Number.isInteger(bitsPerCell) || bitsPerCell < 1 || bitsPerCell > 16) {
    throw new InvalidArgumentError('organization.bitsPerCell', `expected an integer in [1, 16], got ${bitsPerCell}`)
  }
  if (mapping === 'complementary-binary') {
    if (weightBits !== 1 || bitsPerCell !== 1) throw new InvalidArgumentError('organization.weightBits', 'complementary-binary stores 1-bit (±1) weights in 1-bit cells')
  } else if (!Number.isInteger(weightBits) || weightBits < 2 || weightBits > 24) {
    throw new InvalidArgumentError('organization.weightBits', `expected an integer in [2, 24] (sign included), got ${weightBits}`)
  }
  const signMagnitude = mapping === 'differential' || mapping === 'complementary-binary'
  const storedBits = mapping === 'complementary-binary' ? 1 : signMagnitude ? weightBits - 1 : weightBits
  return {
    mapping,
    weightBits,
    bitsPerCell,
    slices: Math.ceil(storedBits / bitsPerCell),
    maxInteger: mapping === 'complementary-binary' ? 1 : 2 ** (weightBits - 1) - 1,
    bias: signMagnitude ? 0 : 2 ** (weightBits - 1),
    pair: signMagnitude,
    referenceColumn: mapping === 'offset-reference',
    digitalOffset: mapping === 'offset-digital' || mapping === 'biased-flipped',
    flip: mapping === 'biased-flipped',
    maxDigit: 2 ** bitsPerCell - 1,
  }
}

/** Digit of slice `slice` (0 = least significant) of a non-negative integer. @since 0.1.0 */
export function sliceDigit(value: number, slice: number, bitsPerCell: number): number {
  return Math.floor(value / 2 ** (slice * bitsPerCell)) % 2 ** bitsPerCell
}

/** Digit of the bias β in slice `slice` (what a reference column holds). @since 0.1.0 */
export function biasDigit(encoding: WeightEncoding, slice: number): number {
  return sliceDigit(encoding.bias, slice, encoding.bitsPerCell)
}
