import { defineComponentCost, InvalidArgumentError } from '@cimkit/core'
import type { DeviceModelV1, MvmCallV1, ProgramCallV1, ProgrammedCellsV1, ReliabilityMiddlewareV1 } from '@cimkit/core'
import { GATE_45NM } from '../cost/horowitz-45nm.js'
import type { AddedComponent } from '../cost/technique-cost.js'
import { eccOptionsSchema } from './ecc-options.js'
import type { EccOptions } from './ecc-options.js'
import { HammingCode } from './hamming-code.js'

/** What ECC found over every block it stored since the run started (counts unless the name has a unit). @since 0.1.0 */
export type EccStatistics = {
  readonly words: number
  readonly dataBits: number
  /** Stored bits (data and check) sensed wrong before decoding. */
  readonly rawBitErrors: number
  readonly storedBits: number
  /** rawBitErrors / storedBits. */
  readonly rawBitErrorFraction: number
  /** Data bits still wrong after decoding. */
  readonly residualBitErrors: number
  /** residualBitErrors / dataBits. */
  readonly residualBitErrorFraction: number
  readonly correctedWords: number
  /** Words with an error the code detected but could not correct (SECDED double errors). */
  readonly uncorrectableWords: number
}

/**
 * ECC for binary weights stored digitally (paper 004, Hirtzlin et al. 2020, Fig. 8b,c): each row's
 * bits are cut into words of k data bits; check bits are stored in extra cells of the same device;
 * every read senses a cell against the reference √(G_low·G_high) (the mid-way reference in
 * log-resistance) and decodes. The decoded bit is what the digital datapath sees, so a corrected
 * cell is returned at the conductance level of its decoded bit.
 *
 * NOTE: check cells are programmed on `call.device` with their own stream (they are other
 * physical cells, so `doProgram`'s block shape stays the data block's). Errors are those created
 * at programming (paper 004 measures errors per programming; read noise is not in its model).
 * @since 0.1.0
 */
export class ErrorCorrectingCode implements ReliabilityMiddlewareV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'ecc'
  readonly code: HammingCode
  private readonly options: ReturnType<typeof eccOptionsSchema.parse>
  private device: DeviceModelV1 | null = null
  private totals = { words: 0, dataBits: 0, rawBitErrors: 0, storedBits: 0, residualBitErrors: 0, correctedWords: 0, detectedWords: 0, checkCells: 0 }

  constructor(options: EccOptions = {}) {
    this.options = eccOptionsSchema.parse(options)
    this.code = new HammingCode(this.options.dataBits, this.options.code)
  }

  /** The decoders, and once a block is stored, the check cells (area from the device's cell). */
  get addedComponents(): readonly AddedComponent[] {
    const decoder: AddedComponent = {
      name: 'ecc',
      count: this.options.decoders,
      cost: defineComponentCost({
        componentClass: 'ecc-decoder',
        energyPerActionJ: { decode: this.code.decodeEnergyJ(), encode: this.code.checkBits * (this.code.dataBits / 2) * GATE_45NM.energyJ },
        areaMm2: this.code.decoderAreaMm2(),
        source: `${this.code.name} decoder of ${this.code.decoderGates()} two-input gates (syndrome XOR trees, syndrome decoder, correction XORs); ${GATE_45NM.source}; encode ≈ (n−k)·k/2 XOR2`,
      }),
    }
    if (this.device === null) return [decoder]
    const { cost } = this.device
    const featureMm = cost.technologyNodeNm * 1e-6
    return [
      decoder,
      {
        name: 'eccCheckCells',
        count: this.totals.checkCells,
        cost: defineComponentCost({
          componentClass: 'ecc-check-cell',
          energyPerActionJ: {},
          areaMm2: cost.cellAreaF2 * featureMm * featureMm,
          source: `one cell of device "${this.device.type}" (${cost.cellAreaF2} F² at ${cost.technologyNodeNm} nm; ${cost.source}); redundancy (n−k)/k = ${this.code.checkBits}/${this.code.dataBits}`,
        }),
      },
    ]
  }

  statistics(): EccStatistics {
    const { words, dataBits, rawBitErrors, storedBits, residualBitErrors, correctedWords, detectedWords } = this.totals
    return {
      words, dataBits, rawBitErrors, storedBits, residualBitErrors, correctedWords, uncorrectableWords: detectedWords,
      rawBitErrorFraction: storedBits === 0 ? 0 : rawBitErrors / storedBits,
      residualBitErrorFraction: dataBits === 0 ? 0 : residualBitErrors / dataBits,
    }
  }

  wrapProgram(call: ProgramCallV1): ProgrammedCellsV1 {
    const { device, targetsS, rows, columns } = call
    const levels = device.levelsS
    if (levels === null || levels.length !== 2) throw new InvalidArgumentError('device', `ecc protects binary storage: "${device.type}" has ${levels === null ? 'analog states' : `${levels.length} levels`}`)
    this.device = device
    const [lowS, highS] = levels as [number, number]
    const thresholdS = Math.sqrt(lowS * highS)
    const { code } = this
    const wordsPerRow = Math.ceil(columns / code.dataBits)
    const intended = new Uint8Array(code.dataBits)
    const checkTargets = new Float32Array(rows * wordsPerRow * code.checkBits)
    for (let row = 0; row < rows; row++) {
      for (let word = 0; word < wordsPerRow; word++) {
        this.gatherWord(targetsS, row, columns, word, thresholdS, intended)
        const check = code.encode(intended)
        const base = (row * wordsPerRow + word) * code.checkBits
        for (let bit = 0; bit < code.checkBits; bit++) checkTargets[base + bit] = check[bit] === 1 ? highS : lowS
      }
    }
    const cells = call.doProgram(targetsS)
    const checkCells = device.doProgram(checkTargets, call.random.stream('check-cells'))
    const conductanceS = Float32Array.from(cells.conductanceS)
    const sensed = new Uint8Array(code.dataBits)
    const check = new Uint8Array(code.checkBits)
    let rawBitErrors = 0
    let residualBitErrors = 0
    let correctedWords = 0
    let detectedWords = 0
    for (let row = 0; row < rows; row++) {
      for (let word = 0; word < wordsPerRow; word++) {
        this.gatherWord(targetsS, row, columns, word, thresholdS, intended)
        this.gatherWord(cells.conductanceS, row, columns, word, thresholdS, sensed)
        const base = (row * wordsPerRow + word) * code.checkBits
        for (let bit = 0; bit < code.checkBits; bit++) {
          check[bit] = checkCells.conductanceS[base + bit]! > thresholdS ? 1 : 0
          if (check[bit] !== (checkTargets[base + bit]! > thresholdS ? 1 : 0)) rawBitErrors++
        }
        for (let bit = 0; bit < code.dataBits; bit++) if (sensed[bit] !== intended[bit]) rawBitErrors++
        const status = code.decode(sensed, check)
        if (status === 'corrected') correctedWords++
        else if (status === 'detected') detectedWords++
        for (let bit = 0; bit < code.dataBits; bit++) {
          const column = word * code.dataBits + bit
          if (column >= columns) break
          if (sensed[bit] !== intended[bit]) residualBitErrors++
          const index = row * columns + column
          const decodedHigh = sensed[bit] === 1
          if (decodedHigh !== conductanceS[index]! > thresholdS) conductanceS[index] = decodedHigh ? highS : lowS
        }
      }
    }
    const words = rows * wordsPerRow
    this.totals = {
      words: this.totals.words + words,
      dataBits: this.totals.dataBits + rows * columns,
      rawBitErrors: this.totals.rawBitErrors + rawBitErrors,
      storedBits: this.totals.storedBits + rows * columns + checkTargets.length,
      residualBitErrors: this.totals.residualBitErrors + residualBitErrors,
      correctedWords: this.totals.correctedWords + correctedWords,
      detectedWords: this.totals.detectedWords + detectedWords,
      checkCells: this.totals.checkCells + checkTargets.length,
    }
    call.record('ecc', 'encode', words)
    return { ...cells, conductanceS }
  }

  /** Every drive plane reads each row once, and each row read decodes its words. */
  wrapMvm(call: MvmCallV1): Float32Array {
    call.record('ecc', 'decode', call.batch * call.rows * Math.ceil(call.columns / this.code.dataBits))
    return call.doMvm(call.inputs)
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options, name: this.code.name }
  }

  /** Bits of one word (padding beyond the row's last column reads 0: a shortened code). */
  private gatherWord(values: Float32Array, row: number, columns: number, word: number, thresholdS: number, out: Uint8Array): void {
    for (let bit = 0; bit < out.length; bit++) {
      const column = word * out.length + bit
      out[bit] = column < columns && values[row * columns + column]! > thresholdS ? 1 : 0
    }
  }
}

/** Creates ECC middleware. @since 0.1.0 */
export function createErrorCorrectingCode(options: EccOptions = {}): ErrorCorrectingCode {
  return new ErrorCorrectingCode(options)
}
