import { z } from 'zod'

/**
 * Options of `refresh`: periodic reprogramming (paper 003 §VIII, its ref. 140: "periodic monitor
 * and reprogram", which costs energy and needs a host copy of the weights).
 * @since 0.1.0
 */
export const refreshOptionsSchema = z.discriminatedUnion('policy', [
  z
    .object({
      policy: z.literal('periodic'),
      intervalS: z.number().positive().describe('time between reprogrammings, seconds'),
      pulsesPerCell: z.number().positive().default(1).describe('programming pulses per cell per refresh (e.g. the mean of a write-verify loop)'),
    })
    .strict(),
  z
    .object({
      policy: z.literal('drift-threshold'),
      minRetainedFraction: z.number().gt(0).lt(1).describe('reprogram before the mean conductance falls below this fraction of its programmed value'),
      meanDriftExponent: z.number().positive().describe('mean drift exponent ν of the device (G ∝ (t/t₀)^−ν)'),
      driftReferenceTimeS: z.number().positive().default(20).describe('t₀ of the drift law, seconds (aihwkit PCM: 20 s)'),
      pulsesPerCell: z.number().positive().default(1).describe('programming pulses per cell per refresh'),
    })
    .strict(),
])

/** @since 0.1.0 */
export type RefreshOptions = z.input<typeof refreshOptionsSchema>
