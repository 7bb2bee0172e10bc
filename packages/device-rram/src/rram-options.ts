import { z } from 'zod'
import { programmingErrorSchema } from './distributions/programming-error-options.js'

/** Read noise: zero-mean Gaussian per read. @since 0.1.0 */
export const readNoiseSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('relative'),
      relativeStd: z.number().min(0).describe('σ/G of one read (paper 000 Table 1 "thermal-activated fluctuation")'),
      absoluteStdS: z.number().min(0).default(0).describe('state-independent σ of one read, siemens'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('log-conductance'),
      coefficientS: z.number().min(0).describe('σ = coefficientS·log10(G/unitS)·√ln((t + readTimeS)/(2·readTimeS)), siemens'),
      unitS: z.number().positive().describe('conductance unit inside the log10, siemens'),
      readTimeS: z.number().positive().describe('read integration time inside the 1/f term, seconds'),
    })
    .strict(),
])

/** Conductance change per read, signed by the read polarity (paper 000 §5, Fig. 7b). @since 0.1.0 */
export const readDisturbSchema = z
  .object({
    relativeDriftPerRead: z.number().min(0).describe('ΔG/G per read; +1 polarity (SET direction) raises G, −1 lowers it'),
    relativeStdPerRead: z.number().min(0).default(0).describe('random-walk σ of ΔG/G per read (does not cancel under alternating polarity)'),
  })
  .strict()

/** Retention: logarithmic relaxation after programming, G(t) = G₀ + (a + b·G₀)·ln(t/t_ref) + σ(t)·ξ. @since 0.1.0 */
export const retentionSchema = z
  .object({
    referenceTimeS: z.number().positive().default(1).describe('t_ref: time after programming at which relaxation starts, seconds'),
    meanShiftPerLnTimeS: z.number().default(0).describe('a: absolute mean shift per unit ln(t/t_ref), siemens'),
    relativeShiftPerLnTime: z.number().default(0).describe('b: relative mean shift per unit ln(t/t_ref)'),
    spreadAtReferenceS: z.number().min(0).default(0).describe('σ of the relaxation at t_ref, siemens'),
    spreadPerLnTimeS: z.number().min(0).default(0).describe('growth of the relaxation σ per unit ln(t/t_ref), siemens'),
  })
  .strict()

/** Endurance as a Weibull wear-out: F(n) = 1 − exp(−(n/η)^β), pinned by one (cycles, failed fraction) point. @since 0.1.0 */
export const enduranceSchema = z
  .object({
    cycles: z.number().positive().describe('write cycles of the characterised point'),
    failedFraction: z.number().gt(0).lt(1).describe('fraction of cells failed (stuck) after `cycles` writes'),
    weibullShape: z.number().positive().default(1).describe('β; 1 (constant hazard) unless the source gives a slope'),
    failedState: z.enum(['stuck-low', 'stuck-high']).default('stuck-low').describe('state a worn-out cell sticks in'),
  })
  .strict()

/**
 * Window closure of a binary cell with write cycling (paper 004 Fig. 6: "LRS and HRS distributions
 * move closer"): beyond `onsetCycles`, ln(HRS/LRS) shrinks by `lnWindowLossPerDecade` per decade of
 * cycles, half on each state's median.
 * @since 0.1.0
 */
export const agingSchema = z
  .object({
    onsetCycles: z.number().positive().describe('cycles after which the window starts to close'),
    lnWindowLossPerDecade: z.number().min(0).describe('loss of ln(HRS/LRS) per decade of cycles beyond the onset'),
  })
  .strict()

/** Binary-cell programming conditions of paper 004; they select a characterised regime. @since 0.1.0 */
export const programmingConditionsSchema = z
  .object({
    setComplianceCurrentA: z.number().positive().describe('SET compliance current, amperes (paper 004: 20–200 µA)'),
    resetVoltageV: z.number().positive().describe('RESET voltage, volts (paper 004: 1.5–2.5 V)'),
    pulseWidthS: z.number().positive().describe('SET/RESET pulse width, seconds (paper 004: 0.1–100 µs)'),
  })
  .strict()

/** The write-verify recipe a measured distribution was obtained with (paper 002). @since 0.1.0 */
export const writeVerifySchema = z
  .object({
    maxIterationsPerLevel: z.array(z.number().int().positive()).min(2).describe('maximum program/verify iterations per level, lowest conductance first'),
    targetBandHalfWidthS: z.number().positive().describe('half-width of the acceptance band around each level, siemens'),
    outOfRangeFractionPerLevel: z.array(z.number().min(0).max(1)).min(2).optional().describe('measured fraction of cells outside the band, per level'),
  })
  .strict()

/** Cost of one cell. @since 0.1.0 */
export const rramCostSchema = z
  .object({
    cellAreaF2: z.number().positive().optional().describe('cell footprint, F²'),
    technologyNodeNm: z.number().positive().optional().describe('technology node F, nanometres'),
    readVoltageV: z.number().positive().optional().describe('read voltage across the cell, volts'),
    readPulseS: z.number().positive().optional().describe('read pulse, seconds'),
    writeEnergyPerPulseJ: z.number().positive().optional().describe('energy of one programming pulse, joules'),
    writePulseS: z.number().positive().optional().describe('programming pulse width, seconds'),
    source: z.string().min(1).optional().describe('where these numbers come from'),
  })
  .strict()

const ascending = (values: readonly number[]): boolean => values.every((value, index) => index === 0 || value > values[index - 1]!)

/**
 * Options of the `rram` device. Every key is optional; `resolveRramParameters` documents the
 * defaults and their sources. Binary cells are `levels: 2`.
 * @since 0.1.0
 */
export const rramOptionsSchema = z
  .object({
    conductanceRangeS: z
      .object({ minS: z.number().positive().describe('HRS-side bound, siemens'), maxS: z.number().positive().describe('LRS-side bound, siemens') })
      .strict()
      .refine((range) => range.maxS > range.minS, { message: 'maxS must exceed minS', path: ['maxS'] })
      .optional(),
    levels: z.union([z.number().int().min(2).max(4096), z.literal('analog')]).optional().describe('programmable states (2 = binary) or "analog"'),
    levelsS: z.array(z.number().positive()).min(2).refine(ascending, 'levels must ascend').optional().describe('explicit level conductances, siemens'),
    programmingError: z
      .union([z.number().min(0).describe('shorthand for { kind: gaussian, relativeStd: <number> }'), programmingErrorSchema])
      .optional(),
    deviceToDeviceRelativeStd: z.number().min(0).optional().describe('σ/μ of the per-device scale of the conductance window'),
    stuckOnFraction: z.number().min(0).max(1).optional().describe('fraction of cells stuck at the high-conductance bound (stuck-on, LRS)'),
    stuckOffFraction: z.number().min(0).max(1).optional().describe('fraction of cells stuck at the low-conductance bound (stuck-off, HRS)'),
    readNoise: readNoiseSchema.optional(),
    readDisturb: readDisturbSchema.optional(),
    retention: retentionSchema.optional(),
    endurance: enduranceSchema.optional(),
    aging: agingSchema.optional(),
    programmingConditions: programmingConditionsSchema.optional(),
    writeVerify: writeVerifySchema.optional(),
    cost: rramCostSchema.optional(),
  })
  .strict()
  .superRefine((options, context) => {
    if (options.programmingConditions !== undefined) {
      for (const key of ['conductanceRangeS', 'levels', 'levelsS', 'programmingError'] as const) {
        if (options[key] !== undefined) context.addIssue({ code: 'custom', path: [key], message: `set by programmingConditions (paper 004 regime); remove "${key}"` })
      }
    }
    const { levels, levelsS } = options
    if (typeof levels === 'number' && levelsS !== undefined && levelsS.length !== levels) {
      context.addIssue({ code: 'custom', path: ['levelsS'], message: `${levelsS.length} values for ${levels} levels` })
    }
    if ((options.stuckOnFraction ?? 0) + (options.stuckOffFraction ?? 0) > 1) {
      context.addIssue({ code: 'custom', path: ['stuckOffFraction'], message: 'stuck-on plus stuck-off fractions exceed 1' })
    }
  })

/** What users write under `device:` with `type: rram`. @since 0.1.0 */
export type RramOptions = z.input<typeof rramOptionsSchema>
/** @since 0.1.0 */
export type RramOptionsOutput = z.output<typeof rramOptionsSchema>
