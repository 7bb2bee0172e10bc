/**
 * Resolution above which an ADC's energy per conversion is set by thermal (kT/C) noise rather than
 * by the number of decision steps. B. E. Jonsson (IMEKO IWADC 2011, "An empirical approach to finding
 * energy efficient ADC architectures") showed on the published-ADC survey that the thermal FOM
 * P/(4^ENOB·fs) describes the state of the art better than Walden's P/(2^ENOB·fs) for ENOB ≥ 9.
 * @since 0.1.0
 */
export const THERMAL_CORNER_BITS = 9

/** Source string for the law below. @since 0.1.0 */
export const RESOLUTION_SCALING_SOURCE =
  'energy per conversion ∝ 2^B below 9 bits (Walden FOM, Walden IEEE JSAC 1999) and ∝ 4^B above (thermal FOM; corner at ENOB 9 from Jonsson, IMEKO IWADC 2011, on the ADC survey)'

function relativeEnergy(bits: number): number {
  return bits <= THERMAL_CORNER_BITS ? 2 ** bits : 2 ** THERMAL_CORNER_BITS * 4 ** (bits - THERMAL_CORNER_BITS)
}

/**
 * Ratio of energy per conversion at `toBits` to that at `fromBits`, at a constant figure of merit:
 * 2× per bit up to the thermal corner, 4× per bit beyond it (continuous at the corner).
 * @example resolutionEnergyFactor(8, 10) // returns 8 (2× to 9 bits, then 4× to 10 bits)
 * @since 0.1.0
 */
export function resolutionEnergyFactor(fromBits: number, toBits: number): number {
  return relativeEnergy(toBits) / relativeEnergy(fromBits)
}
