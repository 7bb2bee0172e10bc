import { InvalidArgumentError } from '@cimkit/core'
import type { DeviceModelV1, ProgrammedCellsV1, RandomSource } from '@cimkit/core'
import { normalCdf } from '@cimkit/core'

/** A lognormal resistance state: ln R ~ N(ln medianOhm, sigmaLn²). @since 0.1.0 */
export interface LognormalResistanceState {
  readonly medianOhm: number
  readonly sigmaLn: number
}

/** Bit error rates of one storage scheme pair. @since 0.1.0 */
export interface BitErrorRates {
  /** 1T1R: each device compared alone with a reference resistance. */
  readonly singleEnded: number
  /** 2T2R: the complementary pair compared with each other (precharge sense amplifier). */
  readonly differential: number
  /** Reference resistance the single-ended read used, ohms. */
  readonly referenceOhm: number
}

/**
 * Analytic bit error rates of paper 004's two storage schemes with lognormal LRS and HRS
 * (seed-002-004.md B.1.2). 1T1R: a bit is one device, wrong if an LRS device reads above the
 * reference or an HRS device below it (equal numbers of 0s and 1s). 2T2R: a bit is an (LRS, HRS) pair,
 * wrong only if ln R_LRS − ln R_HRS + n > 0, n ~ N(0, pcsaSigmaLn²) the PCSA's decision noise.
 * The reference defaults to the geometric mean of the medians.
 * @example analyticBitErrorRates({ medianOhm: 1, sigmaLn: 0.5 }, { medianOhm: Math.exp(2.257), sigmaLn: 0.5 }, { pcsaSigmaLn: 0.34 }) // returns ~{ singleEnded: 0.012, differential: 0.002 }
 * @since 0.1.0
 */
export function analyticBitErrorRates(
  lrs: LognormalResistanceState,
  hrs: LognormalResistanceState,
  options: { readonly referenceOhm?: number; readonly pcsaSigmaLn?: number } = {},
): BitErrorRates {
  const referenceOhm = options.referenceOhm ?? Math.sqrt(lrs.medianOhm * hrs.medianOhm)
  const lnReference = Math.log(referenceOhm)
  const lrsHigh = normalCdf((Math.log(lrs.medianOhm) - lnReference) / lrs.sigmaLn)
  const hrsLow = normalCdf((lnReference - Math.log(hrs.medianOhm)) / hrs.sigmaLn)
  const pairSigma = Math.hypot(lrs.sigmaLn, hrs.sigmaLn, options.pcsaSigmaLn ?? 0)
  const differential = normalCdf((Math.log(lrs.medianOhm) - Math.log(hrs.medianOhm)) / pairSigma)
  return { singleEnded: (lrsHigh + hrsLow) / 2, differential, referenceOhm }
}

/**
 * Monte Carlo of the same comparison on a binary device model: programs `bits` complementary pairs
 * in a checkerboard (bit 0 = (LRS, HRS), bit 1 = (HRS, LRS), paper 004 §2.1), then reads every
 * device alone against the reference (1T1R) and every pair differentially (2T2R, with the PCSA's
 * decision noise in ln(R1/R2)). Both schemes see the very same programmed devices, stuck cells included.
 * With `cycle`, the devices are programmed as cells already written that many times (`programAtCycle`).
 * @since 0.1.0
 */
export function simulateBitErrorRates(
  device: DeviceModelV1 & { programAtCycle?(targetsS: Float32Array, random: RandomSource, cycle: number): ProgrammedCellsV1 },
  bits: number,
  random: RandomSource,
  options: { readonly referenceOhm?: number; readonly pcsaSigmaLn?: number; readonly cycle?: number } = {},
): BitErrorRates & { readonly bits: number } {
  const levels = device.levelsS
  if (levels?.length !== 2) throw new InvalidArgumentError('device', 'bit error rates need a binary device (two levels)')
  const [hrsS, lrsS] = levels as [number, number]
  const targets = new Float32Array(2 * bits)
  for (let bit = 0; bit < bits; bit++) {
    const value = bit & 1
    targets[2 * bit] = value === 0 ? lrsS : hrsS
    targets[2 * bit + 1] = value === 0 ? hrsS : lrsS
  }
  const cycle = options.cycle ?? 0
  if (cycle > 0 && device.programAtCycle === undefined) throw new InvalidArgumentError('cycle', 'the device cannot program aged cells (no programAtCycle)')
  const cells = cycle > 0 ? device.programAtCycle!(targets, random.stream('program'), cycle) : device.doProgram(targets, random.stream('program'))
  const referenceOhm = options.referenceOhm ?? 1 / Math.sqrt(lrsS * hrsS)
  const referenceS = 1 / referenceOhm
  const noise = random.stream('pcsa')
  const pcsaSigmaLn = options.pcsaSigmaLn ?? 0
  let singleErrors = 0
  let pairErrors = 0
  for (let bit = 0; bit < bits; bit++) {
    for (let side = 0; side < 2; side++) {
      const index = 2 * bit + side
      // Bit 0 puts the LRS (high conductance) first, bit 1 second.
      const programmedLrs = (bit & 1) === side
      const readsLrs = cells.conductanceS[index]! > referenceS
      if (programmedLrs !== readsLrs) singleErrors++
    }
    // ln(R_first / R_second) = ln(G_second / G_first); bit 0 stores the LRS first, so it should be < 0.
    const first = Math.max(cells.conductanceS[2 * bit]!, Number.MIN_VALUE)
    const second = Math.max(cells.conductanceS[2 * bit + 1]!, Number.MIN_VALUE)
    const decision = Math.log(second / first) + pcsaSigmaLn * noise.nextNormal()
    const readBit = decision < 0 ? 0 : 1
    if (readBit !== (bit & 1)) pairErrors++
  }
  return { singleEnded: singleErrors / (2 * bits), differential: pairErrors / bits, referenceOhm, bits }
}
