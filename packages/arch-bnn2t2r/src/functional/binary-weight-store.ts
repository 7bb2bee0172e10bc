import { InvalidArgumentError } from '@cimkit/core'
import type { DeviceModelV1, OutputConverterV1, RandomSource } from '@cimkit/core'
import type { HammingCode } from '../reliability/hamming-code.js'
import { binaryLevels, normalisedDifference, senseComparisons } from './binary-cells.js'

/**
 * How binary weights are stored: `2t2r` complementary pairs read differentially (paper 004), `1t1r`
 * one device read against a reference resistance, `1t1r-ecc` 1T1R devices holding Hamming/extended
 * Hamming codewords of `code` (paper 004 Fig. 8(b,c)).
 * @since 0.1.0
 */
export type WeightStorage =
  | { readonly type: '2t2r' }
  | { readonly type: '1t1r' }
  | { readonly type: '1t1r-ecc'; readonly code: HammingCode }

/** The hardware binary weights are stored on. @since 0.1.0 */
export interface BinaryStorageHardware {
  readonly device: DeviceModelV1
  /** Sense amplifier (`pcsa`/`pcsa-xnor`), or null for an ideal comparator. */
  readonly senseAmp: OutputConverterV1 | null
  /** Reference of the single-ended (1T1R) read, ohms; default the geometric mean of LRS and HRS. */
  readonly referenceOhm?: number
  /**
   * Sense amplifiers side by side: a converter's static offset repeats every `senseColumns` values.
   * Default: every stored bit its own amplifier. NOTE: in paper 004's blocks one PCSA reads the n bits
   * of its column, so the default understates offset correlation (peripherals' PCSA offset σ is 0 by
   * default).
   */
  readonly senseColumns?: number
}

/** Weights programmed on devices, ready to be read. @since 0.1.0 */
export interface BinaryWeightStore {
  readonly storage: WeightStorage
  /** Weights held. */
  readonly count: number
  /** Devices used, parity and complementary devices included. */
  readonly devices: number
  /** The programmed conductances, siemens (pairs interleaved a, b for 2T2R; codewords in order for ECC). */
  readonly conductanceS: Float32Array
  /** Reads every weight once through the sense amplifier (and the decoder), as ±1. */
  read(random: RandomSource): Int8Array
  /**
   * 2T2R only: reads XNOR(input, weight) for every weight in one sense operation (the XNOR-PCSA of
   * paper 004 Fig. 2(b): the input swaps the branches). `inputSigns[i]` pairs with weight i.
   */
  readXnor?(inputSigns: Int8Array, random: RandomSource): Int8Array
}

function bitOf(sign: number): number {
  return sign >= 0 ? 1 : 0
}

/**
 * Programs binary weights (`signs`: ≥ 0 → +1, else −1) through `device.doProgram` in one of the
 * storage schemes, in a single programming call so device-to-device variation is drawn the same way
 * for every scheme. 2T2R: weight +1 is (a, b) = (LRS, HRS), −1 is (HRS, LRS) — which of BL/BLb
 * holds a is not stated in paper 004 and does not matter to the read. 1T1R: +1 is LRS.
 * @since 0.1.0
 */
export function programBinaryWeights(signs: Float32Array, storage: WeightStorage, hardware: BinaryStorageHardware, random: RandomSource): BinaryWeightStore {
  const { hrsS, lrsS } = binaryLevels(hardware.device)
  const count = signs.length
  const referenceS = hardware.referenceOhm === undefined ? Math.sqrt(hrsS * lrsS) : 1 / hardware.referenceOhm
  if (!(referenceS > 0)) throw new InvalidArgumentError('referenceOhm', `must be positive, got ${hardware.referenceOhm}`)
  if (storage.type === '2t2r') {
    const targets = new Float32Array(2 * count)
    for (let index = 0; index < count; index++) {
      const plus = bitOf(signs[index]!) === 1
      targets[2 * index] = plus ? lrsS : hrsS
      targets[2 * index + 1] = plus ? hrsS : lrsS
    }
    const cells = hardware.device.doProgram(targets, random).conductanceS
    const differences = new Float32Array(count)
    for (let index = 0; index < count; index++) differences[index] = normalisedDifference(cells[2 * index]!, cells[2 * index + 1]!)
    const sense = (inputSigns: Int8Array | null, readRandom: RandomSource): Int8Array => {
      const values = inputSigns === null ? differences : differences.map((value, index) => value * inputSigns[index]!)
      const out = new Int8Array(count)
      senseComparisons(values, hardware.senseColumns ?? Math.max(1, count), hardware.senseAmp, readRandom, out)
      return out
    }
    return {
      storage,
      count,
      devices: 2 * count,
      conductanceS: cells,
      read: (readRandom) => sense(null, readRandom),
      readXnor: (inputSigns, readRandom) => {
        if (inputSigns.length !== count) throw new InvalidArgumentError('inputSigns', `needs ${count} entries, got ${inputSigns.length}`)
        return sense(inputSigns, readRandom)
      },
    }
  }
  const code = storage.type === '1t1r-ecc' ? storage.code : null
  const words = code === null ? count : Math.ceil(count / code.dataBits)
  const devices = code === null ? count : words * code.codeBits
  const storedBits = new Uint8Array(devices)
  if (code === null) {
    for (let index = 0; index < count; index++) storedBits[index] = bitOf(signs[index]!)
  } else {
    const data = new Uint8Array(words * code.dataBits)
    for (let index = 0; index < count; index++) data[index] = bitOf(signs[index]!)
    for (let word = 0; word < words; word++) code.encode(data, storedBits, word * code.dataBits, word * code.codeBits)
  }
  const targets = new Float32Array(devices)
  for (let index = 0; index < devices; index++) targets[index] = storedBits[index] === 1 ? lrsS : hrsS
  const cells = hardware.device.doProgram(targets, random).conductanceS
  return {
    storage,
    count,
    devices,
    conductanceS: cells,
    read: (readRandom) => {
      const values = new Float32Array(devices)
      for (let index = 0; index < devices; index++) values[index] = normalisedDifference(cells[index]!, referenceS)
      const readSigns = new Int8Array(devices)
      senseComparisons(values, hardware.senseColumns ?? Math.max(1, devices), hardware.senseAmp, readRandom, readSigns)
      if (code === null) return readSigns
      const readBits = new Uint8Array(devices)
      for (let index = 0; index < devices; index++) readBits[index] = readSigns[index] === 1 ? 1 : 0
      const data = new Uint8Array(words * code.dataBits)
      for (let word = 0; word < words; word++) code.decode(readBits, data, word * code.codeBits, word * code.dataBits)
      const out = new Int8Array(count)
      for (let index = 0; index < count; index++) out[index] = data[index] === 1 ? 1 : -1
      return out
    },
  }
}

/**
 * Fraction of weights read wrong: compares a read (`read`, ±1) with the programmed signs.
 * @since 0.1.0
 */
export function weightBitErrorRate(signs: Float32Array, read: Int8Array): number {
  if (read.length !== signs.length) throw new InvalidArgumentError('read', `needs ${signs.length} entries, got ${read.length}`)
  let errors = 0
  for (let index = 0; index < signs.length; index++) if ((signs[index]! >= 0 ? 1 : -1) !== read[index]) errors++
  return signs.length === 0 ? 0 : errors / signs.length
}
