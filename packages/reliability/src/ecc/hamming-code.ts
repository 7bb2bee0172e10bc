import { InvalidArgumentError } from '@cimkit/core'
import { GATE_45NM } from '../cost/horowitz-45nm.js'

/** What decoding a word found. @since 0.1.0 */
export type DecodeStatus = 'clean' | 'corrected' | 'detected'

/**
 * A (shortened) Hamming code: SEC, or SECDED with an overall parity bit (extended Hamming), the two
 * codes paper 004 (Hirtzlin et al. 2020, Fig. 8b,c) compares with the 2T2R cell. Codeword bits are
 * positions 1..n of the classic construction (check bits at powers of two), plus position 0 for
 * SECDED's overall parity. SECDED(8,4) is the 2T2R cell's equal-redundancy comparison point.
 * @since 0.1.0
 */
export class HammingCode {
  /** Data bits per word. */
  readonly dataBits: number
  /** Check bits per word (Hamming bits, plus the overall parity for SECDED). */
  readonly checkBits: number
  /** Codeword length n = dataBits + checkBits. */
  readonly length: number
  private readonly hammingBits: number
  /** Hamming positions (1-based) holding data bits, in data order. */
  private readonly dataPositions: Int32Array
  /** Position of each Hamming position's data bit, −1 for check positions. */
  private readonly dataIndexOfPosition: Int32Array

  constructor(
    dataBits: number,
    readonly kind: 'sec' | 'secded',
  ) {
    if (!Number.isInteger(dataBits) || dataBits < 1 || dataBits > 1013) throw new InvalidArgumentError('dataBits', `must be an integer in 1..1013, got ${dataBits}`)
    let hammingBits = 2
    while (2 ** hammingBits < dataBits + hammingBits + 1) hammingBits++
    this.dataBits = dataBits
    this.hammingBits = hammingBits
    this.checkBits = hammingBits + (kind === 'secded' ? 1 : 0)
    this.length = dataBits + this.checkBits
    const positions = dataBits + hammingBits
    this.dataPositions = new Int32Array(dataBits)
    this.dataIndexOfPosition = new Int32Array(positions + 1).fill(-1)
    for (let position = 1, next = 0; position <= positions; position++) {
      if ((position & (position - 1)) === 0) continue
      this.dataIndexOfPosition[position] = next
      this.dataPositions[next++] = position
    }
  }

  /** `(n,k)` name, e.g. `SECDED(8,4)`. */
  get name(): string {
    return `${this.kind.toUpperCase()}(${this.length},${this.dataBits})`
  }

  /** Check bits of `data` (0/1 per bit): Hamming bits 2^i at index i, then the overall parity. */
  encode(data: Uint8Array, out: Uint8Array = new Uint8Array(this.checkBits)): Uint8Array {
    let syndrome = 0
    let parity = 0
    for (let index = 0; index < this.dataBits; index++) {
      if (data[index] === 0) continue
      syndrome ^= this.dataPositions[index]!
      parity ^= 1
    }
    for (let bit = 0; bit < this.hammingBits; bit++) {
      out[bit] = (syndrome >> bit) & 1
      parity ^= out[bit]!
    }
    if (this.kind === 'secded') out[this.hammingBits] = parity
    return out
  }

  /** Decodes in place: corrects `data` when the code can, and reports what it found. */
  decode(data: Uint8Array, check: Uint8Array): DecodeStatus {
    let syndrome = 0
    let parity = 0
    for (let index = 0; index < this.dataBits; index++) {
      if (data[index] === 0) continue
      syndrome ^= this.dataPositions[index]!
      parity ^= 1
    }
    for (let bit = 0; bit < this.hammingBits; bit++) {
      if (check[bit] === 0) continue
      syndrome ^= 1 << bit
      parity ^= 1
    }
    const positions = this.dataBits + this.hammingBits
    if (this.kind === 'secded') {
      parity ^= check[this.hammingBits]!
      if (syndrome === 0) return parity === 0 ? 'clean' : 'corrected' // parity bit itself flipped
      if (parity === 0 || syndrome > positions) return 'detected' // even weight: double error
    } else if (syndrome === 0) {
      return 'clean'
    } else if (syndrome > positions) {
      return 'detected' // a shortened code's syndrome that names no position
    }
    const dataIndex = this.dataIndexOfPosition[syndrome]!
    if (dataIndex >= 0) data[dataIndex] = data[dataIndex]! ^ 1
    return 'corrected'
  }

  /**
   * Two-input gates of a combinational decoder: syndrome XOR trees (one per Hamming bit, over the
   * positions it covers), the overall-parity tree (SECDED), a syndrome decoder (an r-input AND per
   * data bit = r − 1 AND2), k correcting XORs, and SECDED's double-error flag (an r-input OR + AND).
   */
  decoderGates(): number {
    const positions = this.dataBits + this.hammingBits
    let gates = 0
    for (let bit = 0; bit < this.hammingBits; bit++) {
      let covered = 0
      for (let position = 1; position <= positions; position++) if ((position >> bit) & 1) covered++
      gates += covered - 1
    }
    gates += this.dataBits * (this.hammingBits - 1) + this.dataBits
    if (this.kind === 'secded') gates += this.length - 1 + this.hammingBits
    return gates
  }

  /** Energy of one decode, joules: every gate evaluates once (45 nm gate of `GATE_45NM`). */
  decodeEnergyJ(): number {
    return this.decoderGates() * GATE_45NM.energyJ
  }

  /** Decoder area, mm² (45 nm gate of `GATE_45NM`). */
  decoderAreaMm2(): number {
    return this.decoderGates() * GATE_45NM.areaUm2 * 1e-6
  }
}
