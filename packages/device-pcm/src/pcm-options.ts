import { z } from 'zod'

/** clip(slope·ln ĝ + intercept, min, max): the form of aihwkit's drift-exponent fits. @since 0.1.0 */
export const clippedLogFitSchema = z
  .object({
    slope: z.number().describe('coefficient of ln ĝ'),
    intercept: z.number(),
    min: z.number().min(0).describe('lower clip'),
    max: z.number().min(0).describe('upper clip'),
  })
  .strict()
  .refine((fit) => fit.max >= fit.min, { message: 'max must be ≥ min', path: ['max'] })

/** Programming noise σ_prog = (c₀ + c₁ĝ + c₂ĝ²)·(gMaxS/referenceGMaxS), ĝ = G_target/gMaxS. @since 0.1.0 */
export const programmingNoiseSchema = z
  .object({
    coefficientsS: z.array(z.number()).min(1).describe('polynomial coefficients c₀, c₁, … in ĝ, siemens at the reference gMax'),
    referenceGMaxS: z.number().positive().describe('gMax the coefficients were fitted at, siemens'),
    scale: z.number().min(0).default(1).describe('multiplies σ_prog (aihwkit prog_noise_scale)'),
  })
  .strict()

/** Power-law drift G(t) = G_prog·((t + t₀)/t₀)^−ν with ν = |μ_ν(ĝ) + σ_ν(ĝ)·ξ| per cell. @since 0.1.0 */
export const driftSchema = z
  .object({
    referenceTimeS: z.number().positive().describe('t₀: time after programming of the first read, seconds'),
    exponentMean: clippedLogFitSchema.describe('μ_ν(ĝ_target)'),
    exponentStd: clippedLogFitSchema.describe('σ_ν(ĝ_target), the device-to-device drift spread'),
    scale: z.number().min(0).default(1).describe('multiplies ν (aihwkit drift_scale)'),
  })
  .strict()

/** 1/f read noise σ = G·Q_s(ĝ)·√ln((t + t₀ + t_read)/(2·t_read)), Q_s = min(q/max(ĝ^e, floor), max). @since 0.1.0 */
export const readNoiseSchema = z
  .object({
    coefficient: z.number().min(0).describe('q in Q_s'),
    exponent: z.number().min(0).describe('e in Q_s'),
    floor: z.number().positive().describe('lower bound of ĝ^e in Q_s'),
    maxRelativeStd: z.number().positive().describe('upper bound of Q_s'),
    readTimeS: z.number().positive().describe('t_read: duration of one read, seconds'),
    scale: z.number().min(0).default(1).describe('multiplies σ (aihwkit read_noise_scale)'),
  })
  .strict()

/** Cost of one PCM cell. @since 0.1.0 */
export const pcmCostSchema = z
  .object({
    cellAreaF2: z.number().positive().describe('cell footprint, F²'),
    technologyNodeNm: z.number().positive().describe('technology node F, nanometres'),
    readVoltageV: z.number().positive().describe('read voltage, volts'),
    readPulseS: z.number().positive().describe('read pulse, seconds'),
    writeEnergyPerPulseJ: z.number().positive().describe('energy of one programming pulse, joules'),
    writePulseS: z.number().positive().describe('programming pulse, seconds'),
    source: z.string().min(1).describe('where these numbers come from'),
  })
  .strict()

/**
 * Options of the `pcm` device. Without a preset every key must be given except `levels`
 * (analog) and `enduranceCycles`; presets `aihwkit-pcm` and `survey-pcm` fill them.
 * @since 0.1.0
 */
export const pcmOptionsSchema = z
  .object({
    conductanceRangeS: z
      .object({ minS: z.number().positive().describe('RESET-state conductance, siemens'), maxS: z.number().positive().describe('gMax, siemens') })
      .strict()
      .refine((range) => range.maxS > range.minS, { message: 'maxS must exceed minS', path: ['maxS'] }),
    levels: z.union([z.number().int().min(2).max(4096), z.literal('analog')]).default('analog').describe('programmable states or "analog"'),
    programmingNoise: programmingNoiseSchema,
    drift: driftSchema,
    readNoise: readNoiseSchema,
    enduranceCycles: z.number().positive().optional().describe('SET/RESET cycles a cell survives'),
    cost: pcmCostSchema,
  })
  .strict()

/** @since 0.1.0 */
export type PcmOptions = z.input<typeof pcmOptionsSchema>
/** @since 0.1.0 */
export type PcmOptionsOutput = z.output<typeof pcmOptionsSchema>
