import { StuckState } from '@cimkit/core'
import type { RandomSource } from '@cimkit/core'
import type { RramOptionsOutput } from '../rram-options.js'

type Endurance = NonNullable<RramOptionsOutput['endurance']>

/**
 * Weibull wear-out F(n) = 1 − exp(−(n/η)^β) with η fixed by the characterised point
 * F(cycles) = failedFraction.
 * @example weibullFailedFraction({ cycles: 5e5, failedFraction: 0.045, weibullShape: 1, failedState: 'stuck-low' }, 5e5) // returns 0.045
 * @since 0.1.0
 */
export function weibullFailedFraction(endurance: Endurance, cycles: number): number {
  if (cycles <= 0) return 0
  const hazardAtPoint = -Math.log1p(-endurance.failedFraction)
  return -Math.expm1(-hazardAtPoint * Math.pow(cycles / endurance.cycles, endurance.weibullShape))
}

/** Marks healthy cells worn out by `cycle` writes as stuck in the endurance law's failed state. @since 0.1.0 */
export function applyEnduranceFailures(endurance: Endurance, cycle: number, stuck: Uint8Array, random: RandomSource): void {
  const failed = weibullFailedFraction(endurance, cycle)
  const state = endurance.failedState === 'stuck-high' ? StuckState.stuckHigh : StuckState.stuckLow
  for (let index = 0; index < stuck.length; index++) {
    const u = random.nextUniform()
    if (stuck[index] === StuckState.healthy && u < failed) stuck[index] = state
  }
}
