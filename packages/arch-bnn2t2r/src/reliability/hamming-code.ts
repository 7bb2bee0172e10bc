import { InvalidArgumentError } from '@cimkit/core'

/** What decoding one codeword found. @since 0.1.0 */
export const DecodeStatus = { clean: 0, corrected: 1, detectedUncorrectable: 2 } as const
/** @since 0.1.0 */
export type DecodeStatus = (typeof DecodeStatus)[keyof typeof DecodeStatus]

function isPowerOfTwo(value: number): boolean {
  return (value & (value - 1)) === 0
}

/**
 * A binary Hamming code, the ECC paper 004 benchmarks the 2T2R cell against (§3.1, Fig. 8(b,c)):
 * SEC (Hamming, single error correction) with r parity bits at the power-of-two positions of a
 * codeword of k + r bits (2^r ≥ k + r + 1; shortened when k is not 2^r − r − 1), and SECDED
 * (extended Hamming) with one more bit of overall parity, which also detects double errors.
 * SECDED(8,4) stores 4 data bits in 8 devices: the redundancy of the 2T2R cell.
 * @example new HammingCode(4, true).codeBits // returns 8
 * @since 0.1.0
 */
export class HammingCode {
  /** Data bits per codeword (k). */
  readonly dataBits: number
  /** Bits per codeword (n), parity included. */
  readonly codeBits: number
  /** Hamming parity bits (r), without the SECDED overall parity. */
  readonly parityBits: number
  /** Codeword position (1-based, Hamming order) of each data bit. */
  private readonly dataPositions: Int32Array

  constructor(dataBits: number, readonly doubleErrorDetection: boolean) {
    if (!(Number.isInteger(dataBits) && dataBits >= 1 && dataBits <= 1024)) throw new InvalidArgumentError('dataBits', `must be an integer in [1, 1024], got ${dataBits}`)
    let r = 2
    while (2 ** r < dataBits + r + 1) r++
    this.dataBits = dataBits
    this.parityBits = r
    this.codeBits = dataBits + r + (doubleErrorDetection ? 1 : 0)
    this.dataPositions = new Int32Array(dataBits)
    let position = 1
    for (let bit = 0; bit < dataBits; bit++) {
      while (isPowerOfTwo(position)) position++
      this.dataPositions[bit] = position++
    }
  }

  /** `(n,k)` with the code family, e.g. `SECDED(8,4)`. */
  get name(): string {
    return `${this.doubleErrorDetection ? 'SECDED' : 'SEC'}(${this.codeBits},${this.dataBits})`
  }

  /** Data bits stored per device (k/n; 1/2 for the 2T2R cell and SECDED(8,4)). */
  get rate(): number {
    return this.dataBits / this.codeBits
  }

  /**
   * Writes the codeword of `data` (k bits, 0/1) into `code` (n bits): Hamming positions 1…k+r at
   * indices 0…k+r−1, the overall parity (SECDED) last.
   */
  encode(data: Uint8Array, code: Uint8Array, dataOffset = 0, codeOffset = 0): void {
    const hammingBits = this.dataBits + this.parityBits
    for (let index = 0; index < hammingBits; index++) code[codeOffset + index] = 0
    let syndrome = 0
    for (let bit = 0; bit < this.dataBits; bit++) {
      if (data[dataOffset + bit] === 1) {
        const position = this.dataPositions[bit]!
        code[codeOffset + position - 1] = 1
        syndrome ^= position
      }
    }
    for (let p = 0; p < this.parityBits; p++) code[codeOffset + (1 << p) - 1] = (syndrome >> p) & 1
    if (this.doubleErrorDetection) {
      let parity = 0
      for (let index = 0; index < hammingBits; index++) parity ^= code[codeOffset + index]!
      code[codeOffset + hammingBits] = parity
    }
  }

  /**
   * Decodes `code` (n bits, possibly with errors) into `data` (k bits). SEC corrects the position
   * the syndrome names (a wrong correction when two or more bits flipped); SECDED corrects when the
   * overall parity is odd and reports an even number of errors with a non-zero syndrome as
   * detected-uncorrectable, leaving the data bits as read.
   */
  decode(code: Uint8Array, data: Uint8Array, codeOffset = 0, dataOffset = 0): DecodeStatus {
    const hammingBits = this.dataBits + this.parityBits
    let syndrome = 0
    let parity = 0
    for (let index = 0; index < hammingBits; index++) {
      if (code[codeOffset + index] === 1) {
        syndrome ^= index + 1
        parity ^= 1
      }
    }
    let flip = 0
    let status: DecodeStatus = DecodeStatus.clean
    if (this.doubleErrorDetection) {
      parity ^= code[codeOffset + hammingBits]!
      if (parity === 1) {
        flip = syndrome // 0: the overall parity bit itself flipped
        status = DecodeStatus.corrected
      } else if (syndrome !== 0) {
        status = DecodeStatus.detectedUncorrectable
      }
    } else if (syndrome !== 0) {
      flip = syndrome
      status = DecodeStatus.corrected
    }
    for (let bit = 0; bit < this.dataBits; bit++) {
      const position = this.dataPositions[bit]!
      const value = code[codeOffset + position - 1]!
      data[dataOffset + bit] = position === flip ? value ^ 1 : value
    }
    return status
  }
}

function logBinomial(n: number, j: number): number {
  let value = 0
  for (let i = 1; i <= j; i++) value += Math.log(n - j + i) - Math.log(i)
  return value
}

/**
 * Data bit error rate after decoding a single-error-correcting code of length n at raw bit error
 * rate p, counting the bits a decoder leaves wrong for j ≥ 2 raw errors:
 * (1/n)·Σ_{j≥2} e_j·C(n,j)·p^j·(1−p)^(n−j), where e_j = j + 1 for SEC and for SECDED with odd j (a
 * miscorrection adds one) and e_j = j for SECDED with even j (detected, left as read); capped at n.
 * The leading term is ≈ (n − 1)·p²·(3/2) for SEC and (n − 1)·p² for SECDED, e.g. 7p² for SECDED(8,4)
 * (research/seed-002-004.md B.1.7; standard coding theory — errors assumed independent and spread
 * evenly over data and parity positions).
 * @example eccDataBitErrorRate(new HammingCode(4, true), 1e-3) // returns ~7e-6
 * @since 0.1.0
 */
export function eccDataBitErrorRate(code: HammingCode, rawBitErrorRate: number): number {
  const p = rawBitErrorRate
  if (!(p >= 0 && p <= 0.5)) throw new InvalidArgumentError('rawBitErrorRate', `must be in [0, 0.5], got ${p}`)
  if (p === 0) return 0
  const n = code.codeBits
  let sum = 0
  for (let j = 2; j <= n; j++) {
    const wrong = Math.min(n, code.doubleErrorDetection && j % 2 === 0 ? j : j + 1)
    sum += wrong * Math.exp(logBinomial(n, j) + j * Math.log(p) + (n - j) * Math.log1p(-p))
  }
  return sum / n
}
