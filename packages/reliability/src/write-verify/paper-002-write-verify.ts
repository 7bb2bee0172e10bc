import { normalQuantile } from '@cimkit/core'

/**
 * Paper 002 (Yin et al., IEEE Micro 2019, "Multilevel Programming Scheme"): 4096 cells per level
 * of a 2-bit RRAM were write-verified with at most N_max = 15, 30, 15, 10 iterations for the four
 * conductance states, after which 0.32 %, 1.32 %, 0.92 % and 0.44 % were outside their target
 * range. Levels are listed lowest to highest conductance (seed-002-004 A.1.8 [ASSUMPTION]).
 * @since 0.1.0
 */
export const PAPER_002_WRITE_VERIFY = {
  source: 'Yin et al., IEEE Micro 2019 (paper 002), "Multilevel Programming Scheme"',
  cellsPerLevel: 4096,
  maxIterations: [15, 30, 15, 10] as readonly number[],
  outOfRangeFraction: [0.0032, 0.0132, 0.0092, 0.0044] as readonly number[],
} as const

/**
 * Per-attempt miss probability that makes N_max independent attempts leave `outOfRangeFraction`
 * outside the band: q = f^(1/N_max) (each write-verify pulse redraws the cell, so f = q^N_max).
 * @example attemptMissProbability(0.0032, 15) // returns ~0.682
 * @since 0.1.0
 */
export function attemptMissProbability(outOfRangeFraction: number, maxIterations: number): number {
  return Math.pow(outOfRangeFraction, 1 / maxIterations)
}

/**
 * Programming σ, in units of the band half-width δ, of a Gaussian attempt that misses ±δ with
 * probability q: q = 2Φ(−δ/σ), so σ/δ = 1 / Φ⁻¹(1 − q/2). Paper 002's four levels give
 * σ/δ ≈ 2.44, 5.91, 2.92, 1.81: each single pulse is imprecise, and the verify loop selects.
 * @example programmingStdOverTolerance(0.682) // returns ~2.44
 * @since 0.1.0
 */
export function programmingStdOverTolerance(missProbability: number): number {
  return 1 / normalQuantile(1 - missProbability / 2)
}
