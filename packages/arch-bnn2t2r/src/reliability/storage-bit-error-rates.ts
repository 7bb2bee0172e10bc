import { InvalidArgumentError } from '@cimkit/core'
import { normalCdf, normalQuantile as inverseNormalCdf } from '@cimkit/core'

/** A lognormal resistance state: ln R ~ N(ln medianOhm, sigmaLn²). @since 0.1.0 */
export interface LognormalState {
  readonly medianOhm: number
  /** Standard deviation of ln R. */
  readonly sigmaLn: number
}

/** Bit error rates of the same devices stored single-ended (1T1R) and as complementary pairs (2T2R). @since 0.1.0 */
export interface StorageBitErrorRates {
  readonly singleEnded1t1r: number
  readonly differential2t2r: number
  /** Reference resistance of the single-ended read, ohms. */
  readonly referenceOhm: number
}

/**
 * Analytic bit error rates of paper 004's two storage schemes (Hirtzlin et al. 2020 §2.1; model of
 * research/seed-002-004.md B.1.2). 1T1R: a device compared with a reference resistance is wrong when
 * an LRS device reads above it or an HRS device below it (0s and 1s equally likely). 2T2R: a pair
 * (LRS, HRS) is wrong only when ln R_LRS − ln R_HRS + n > 0, with n ~ N(0, σ_SA²) the sense
 * amplifier's decision noise in ln(R_a/R_b). The reference defaults to the geometric mean of the
 * medians (the midpoint in ln R).
 * @example storageBitErrorRates({ medianOhm: 1, sigmaLn: 0.5 }, { medianOhm: Math.exp(2.257), sigmaLn: 0.5 }, 0.34) // returns ~{ singleEnded1t1r: 0.012, differential2t2r: 0.002 }
 * @since 0.1.0
 */
export function storageBitErrorRates(lrs: LognormalState, hrs: LognormalState, senseSigmaLn = 0, referenceOhm = Math.sqrt(lrs.medianOhm * hrs.medianOhm)): StorageBitErrorRates {
  for (const [name, state] of [['lrs', lrs], ['hrs', hrs]] as const) {
    if (!(state.medianOhm > 0 && state.sigmaLn > 0)) throw new InvalidArgumentError(name, `median and σ must be positive, got ${state.medianOhm} Ω, ${state.sigmaLn}`)
  }
  const lnReference = Math.log(referenceOhm)
  const lrsAbove = normalCdf((Math.log(lrs.medianOhm) - lnReference) / lrs.sigmaLn)
  const hrsBelow = normalCdf((lnReference - Math.log(hrs.medianOhm)) / hrs.sigmaLn)
  const pairSigma = Math.hypot(lrs.sigmaLn, hrs.sigmaLn, senseSigmaLn)
  return {
    singleEnded1t1r: (lrsAbove + hrsBelow) / 2,
    differential2t2r: normalCdf((Math.log(lrs.medianOhm) - Math.log(hrs.medianOhm)) / pairSigma),
    referenceOhm,
  }
}

/**
 * 2T2R bit error rate with an ideal sense amplifier for devices whose 1T1R error rate is
 * `singleEndedRate` (equal lognormal spreads, midpoint reference): Φ(√2·Φ⁻¹(p)) — the "ideal PCSA"
 * line of paper 004 Fig. 8(a). At a 2T2R rate of 1e-8 the 1T1R rate is 3.6e-5, the paper's "up to
 * four orders of magnitude".
 * @example idealDifferentialBitErrorRate(3.6e-5) // returns ~1.0e-8
 * @since 0.1.0
 */
export function idealDifferentialBitErrorRate(singleEndedRate: number): number {
  if (singleEndedRate <= 0) return 0
  if (!(singleEndedRate < 0.5)) throw new InvalidArgumentError('singleEndedRate', `must be below 0.5, got ${singleEndedRate}`)
  return normalCdf(Math.SQRT2 * inverseNormalCdf(singleEndedRate))
}
