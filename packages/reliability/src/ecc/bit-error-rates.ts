import { InvalidArgumentError } from '@cimkit/core'
import { binomialProbability } from '../math/binomial.js'
import { normalCdf, normalQuantile } from '@cimkit/core'
import type { HammingCode } from './hamming-code.js'

/**
 * Residual bit-error rate after a single-error-correcting code at raw bit-error rate `p`, closed
 * form (standard coding theory, seed-002-004 B.1.7): errors in a word of n bits survive when j ≥ 2
 * of them occur, so BER_out = (1/n)·Σ_{j=2..n} e_j·C(n,j)·p^j·(1−p)^(n−j), with e_j = j for SECDED
 * (a double error is detected and left as is) and e_j = j + 1 for SEC (the decoder flips one more
 * bit; exact for j = 2 on a perfect Hamming code, an upper bound beyond). Leading order: SECDED
 * (n − 1)·p², i.e. 7p² for SECDED(8,4); SEC 3(n − 1)p²/2.
 * @example residualBitErrorRate({ length: 8, kind: 'secded' }, 1e-3) // returns ~7e-6
 * @since 0.1.0
 */
export function residualBitErrorRate(code: { readonly length: number; readonly kind: 'sec' | 'secded' }, p: number): number {
  const n = code.length
  let sum = 0
  for (let errors = 2; errors <= n; errors++) sum += Math.min(errors + (code.kind === 'sec' ? 1 : 0), n) * binomialProbability(n, errors, p)
  return sum / n
}

/**
 * Exact residual data-bit error rate of `HammingCode`'s decoder: enumerates every error pattern on
 * the all-zero codeword (the code is linear, so decoding errors do not depend on the data) and
 * weights the data bits left wrong by the pattern's probability. Limited to n ≤ 20.
 * @since 0.1.0
 */
export function exactResidualBitErrorRate(code: HammingCode, p: number): number {
  if (code.length > 20) throw new InvalidArgumentError('code', `exact enumeration needs n ≤ 20, ${code.name} has ${code.length}`)
  const data = new Uint8Array(code.dataBits)
  const check = new Uint8Array(code.checkBits)
  let total = 0
  for (let pattern = 1; pattern < 2 ** code.length; pattern++) {
    let weight = 0
    for (let bit = 0; bit < code.length; bit++) {
      const flipped = (pattern >> bit) & 1
      weight += flipped
      if (bit < code.dataBits) data[bit] = flipped
      else check[bit - code.dataBits] = flipped
    }
    code.decode(data, check)
    let wrong = 0
    for (const value of data) wrong += value
    if (wrong > 0) total += (wrong / code.dataBits) * Math.pow(p, weight) * Math.pow(1 - p, code.length - weight)
  }
  return total
}

/**
 * Bit-error rate of a 2T2R differential pair read by a precharge sense amplifier, from the BER `p`
 * of one of its devices read single-ended against a mid-way reference (paper 004, Hirtzlin et al.
 * 2020; seed-002-004 B.1.2): with Gaussian log-resistances of equal σ and means Δ apart,
 * p = Φ(−Δ/2σ) and the pair errs with Φ(−Δ/√(2σ² + σ_SA²)) = Φ(2Φ⁻¹(p)/√(2 + (σ_SA/σ)²)); the ideal
 * PCSA (σ_SA = 0) gives Φ(√2·Φ⁻¹(p)).
 * @example twoTransistorTwoResistorBitErrorRate(0.012) // returns ~7.1e-4
 * @since 0.1.0
 */
export function twoTransistorTwoResistorBitErrorRate(p: number, senseNoiseOverSigma = 0): number {
  return normalCdf((2 * normalQuantile(p)) / Math.sqrt(2 + senseNoiseOverSigma * senseNoiseOverSigma))
}
