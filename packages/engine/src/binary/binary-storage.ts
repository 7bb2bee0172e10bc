import type { ArrayOrganizationV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import type { WeightEncoding } from '../mapping/weight-encoding.js'

/**
 * How a binary (±1) weight sits in cells for per-cell sensing:
 * - `pair` (`complementary-binary`, 2T2R): +1 = (LRS, HRS) on the pair's two devices, −1 swapped; the
 *   sense amplifier compares the two (paper 004 §2.1);
 * - `single` (`offset-reference`, 1T1R): +1 = LRS, −1 = HRS on one device, compared with a fixed
 *   reference at the geometric mean of the two levels (the fresh midpoint reference in ln R of
 *   paper 004's 1T1R error rates; device-rram `hfo2RegimeBitErrorRates`).
 * @since 0.1.0
 */
export type BinaryStorage = 'pair' | 'single'

/**
 * The storage an organization asks for under per-cell sensing, and the sign-magnitude encoding that
 * quantizes weights to ±1 (sign, 0 counts as +1; scale = the weight percentile of |w|).
 * @since 0.1.0
 */
export function binaryStorage(organization: ArrayOrganizationV1): { readonly storage: BinaryStorage; readonly encoding: WeightEncoding } {
  const { weightMapping, weightBits, bitsPerCell } = organization
  if (weightBits !== 1 || bitsPerCell !== 1) {
    throw new InvalidArgumentError('organization.weightBits', `per-cell sensing reads 1-bit (±1) weights in 1-bit cells, got weightBits ${weightBits}, bitsPerCell ${bitsPerCell}`)
  }
  if (weightMapping !== 'complementary-binary' && weightMapping !== 'offset-reference') {
    throw new InvalidArgumentError('organization.weightMapping', `per-cell sensing needs complementary-binary (2T2R pair) or offset-reference (1T1R against a reference), got "${weightMapping}"`)
  }
  const storage: BinaryStorage = weightMapping === 'complementary-binary' ? 'pair' : 'single'
  const encoding: WeightEncoding = {
    mapping: 'complementary-binary',
    weightBits: 1,
    bitsPerCell: 1,
    slices: 1,
    maxInteger: 1,
    bias: 0,
    pair: storage === 'pair',
    referenceColumn: false,
    digitalOffset: false,
    flip: false,
    maxDigit: 1,
  }
  return { storage, encoding }
}
