import { InvalidArgumentError } from '@cimkit/core'
import { hfo2ProgrammingRegimes } from './hfo2-programming-regimes.js'
import type { Hfo2ProgrammingRegime } from './hfo2-programming-regimes.js'

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b))

/**
 * The characterised paper-004 regime with exactly these programming conditions. Paper 004 measured
 * only these points, so other conditions are rejected rather than extrapolated.
 * @example findHfo2ProgrammingRegime({ setComplianceCurrentA: 200e-6, resetVoltageV: 1.5, pulseWidthS: 1e-6 }).name // returns 'endurance'
 * @since 0.1.0
 */
export function findHfo2ProgrammingRegime(conditions: { setComplianceCurrentA: number; resetVoltageV: number; pulseWidthS: number }): Hfo2ProgrammingRegime {
  const regime = hfo2ProgrammingRegimes.find(
    (candidate) =>
      close(candidate.setComplianceCurrentA, conditions.setComplianceCurrentA) &&
      close(candidate.resetVoltageV, conditions.resetVoltageV) &&
      close(candidate.pulseWidthS, conditions.pulseWidthS),
  )
  if (regime === undefined) {
    const known = hfo2ProgrammingRegimes.map((r) => `${r.name} (${r.setComplianceCurrentA * 1e6} µA, ${r.resetVoltageV} V, ${r.pulseWidthS * 1e9} ns)`).join('; ')
    throw new InvalidArgumentError('programmingConditions', `paper 004 characterised only: ${known}`)
  }
  return regime
}
