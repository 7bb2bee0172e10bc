import { InvalidArgumentError } from '@cimkit/core'
import { z } from 'zod'

/** Paper 002's nominal supply (90 nm Winbond process), volts. */
const PAPER_002_NOMINAL_SUPPLY_V = 1.2

/**
 * Option fields of a voltage-mode sense amplifier's physical model (paper 002's XNOR-RRAM readout).
 *
 * Law: the SA's input-referred offset and noise scale inversely with the gate overdrive left by the
 * supply, σ(V_DD) = σ(V_nom)·(V_nom − V_T)/(V_DD − V_T) — the regeneration gain of a latch comparator
 * falls with its overdrive, so the same device mismatch refers to a larger input voltage (first-order
 * comparator design rule). The column's signal swing and a ladder's reference spacing are fractions
 * of V_DD (the bit line is a divider from the supply), so they shrink with the supply, which is
 * paper 002's stated mechanism ("If we lower the supply voltage, the reference voltages actually
 * become even closer to each other"). V_T, σ and the swing are fitted (see each field) to reproduce
 * paper 002's trend with its 63-input XNOR partial sums: flash-ADC errors appear below 1.2 V while
 * the one-reference SA stays accurate at 0.8 V.
 * @since 0.1.0
 */
export const senseAmpPhysicsFields = {
  nominalSupplyV: z.number().positive().default(PAPER_002_NOMINAL_SUPPLY_V).describe('supply at which offsetStdV and noiseStdV are given, volts (paper 002 nominal: 1.2 V)'),
  thresholdVoltageV: z.number().min(0).default(0.4).describe('input-pair threshold voltage, volts (fitted; between PTM 90 nm HP 0.15 V and LP 0.50 V)'),
  offsetStdV: z.number().min(0).default(0.6e-3).describe('static input-referred offset σ per SA at the nominal supply, volts (fitted residual after offset cancellation)'),
  noiseStdV: z.number().min(0).default(0.4e-3).describe('input-referred noise σ per decision at the nominal supply, volts (fitted)'),
  swingLowFraction: z.number().min(0).max(1).default(0.25).describe('bit-line voltage at the bottom of the range, fraction of V_DD (fitted)'),
  swingHighFraction: z.number().min(0).max(1).default(0.75).describe('bit-line voltage at the top of the range, fraction of V_DD (fitted)'),
}

/** Parsed physical parameters. @since 0.1.0 */
export interface SenseAmpPhysics {
  readonly supplyV: number
  readonly nominalSupplyV: number
  readonly thresholdVoltageV: number
  readonly offsetStdV: number
  readonly noiseStdV: number
  readonly swingLowFraction: number
  readonly swingHighFraction: number
}

/** σ at the operating supply divided by σ at the nominal supply. @since 0.1.0 */
export function offsetSupplyFactor(physics: SenseAmpPhysics): number {
  const headroom = physics.supplyV - physics.thresholdVoltageV
  if (!(headroom > 0)) throw new InvalidArgumentError('supplyV', `supply ${physics.supplyV} V leaves no overdrive above V_T ${physics.thresholdVoltageV} V`)
  return (physics.nominalSupplyV - physics.thresholdVoltageV) / headroom
}

/**
 * Input-referred σ (static offset, dynamic noise) expressed as fractions of the converter's range:
 * volts divided by the swing (swingHigh − swingLow)·V_DD.
 * @example senseAmpSigmasAsFraction({ supplyV: 1.2, nominalSupplyV: 1.2, thresholdVoltageV: 0.4, offsetStdV: 0.6e-3, noiseStdV: 0, swingLowFraction: 0.25, swingHighFraction: 0.75 }).offset // returns 0.001
 * @since 0.1.0
 */
export function senseAmpSigmasAsFraction(physics: SenseAmpPhysics): { readonly offset: number; readonly noise: number } {
  const swingV = (physics.swingHighFraction - physics.swingLowFraction) * physics.supplyV
  if (!(swingV > 0)) throw new InvalidArgumentError('swingHighFraction', 'must exceed swingLowFraction')
  const factor = offsetSupplyFactor(physics)
  return { offset: (physics.offsetStdV * factor) / swingV, noise: (physics.noiseStdV * factor) / swingV }
}

/**
 * Cross-field checks of the physical options: the swing must be a proper interval and an explicit
 * supply must leave overdrive above V_T.
 * @since 0.1.0
 */
export function checkSenseAmpPhysics(
  options: { readonly swingLowFraction: number; readonly swingHighFraction: number; readonly thresholdVoltageV: number; readonly supplyV?: number | undefined },
  context: z.RefinementCtx,
): void {
  if (!(options.swingHighFraction > options.swingLowFraction)) {
    context.addIssue({ code: 'custom', message: 'must exceed swingLowFraction', path: ['swingHighFraction'] })
  }
  if (options.supplyV !== undefined && !(options.supplyV > options.thresholdVoltageV)) {
    context.addIssue({ code: 'custom', message: `supply must exceed the threshold voltage ${options.thresholdVoltageV} V`, path: ['supplyV'] })
  }
}
