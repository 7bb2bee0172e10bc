import { agedWindowLoss } from '../effects/aging.js'
import { analyticBitErrorRates } from './bit-error-rates.js'
import type { BitErrorRates } from './bit-error-rates.js'
import { PCSA_DECISION_SIGMA_LN } from './hfo2-programming-regimes.js'
import type { Hfo2ProgrammingRegime } from './hfo2-programming-regimes.js'

/**
 * 1T1R and 2T2R bit error rates of a paper-004 regime after `cycles` writes: the regime's
 * lognormal LRS/HRS with the window closed by its aging law, read against the fresh midpoint
 * reference (1T1R) or by the PCSA (2T2R).
 * @example hfo2RegimeBitErrorRates(strong, 7e8).differential // returns ~7.3e-4 (paper 004 Fig. 6: < 1e-3)
 * @since 0.1.0
 */
export function hfo2RegimeBitErrorRates(regime: Hfo2ProgrammingRegime, cycles = 0, pcsaSigmaLn = PCSA_DECISION_SIGMA_LN): BitErrorRates {
  const loss = regime.aging === null ? 0 : agedWindowLoss(regime.aging, cycles)
  const window = Math.log(regime.hrsMedianOhm / regime.lrsMedianOhm)
  const half = Math.min(loss, window) / 2
  return analyticBitErrorRates(
    { medianOhm: regime.lrsMedianOhm * Math.exp(half), sigmaLn: regime.sigmaLn },
    { medianOhm: regime.hrsMedianOhm * Math.exp(-half), sigmaLn: regime.sigmaLn },
    { pcsaSigmaLn, referenceOhm: Math.sqrt(regime.lrsMedianOhm * regime.hrsMedianOhm) },
  )
}
