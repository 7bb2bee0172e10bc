import { z } from 'zod'

/**
 * Options of `drift-compensation` (aihwkit's GlobalDriftCompensation and PerColumnDriftCompensation,
 * anchor-aihwkit §6.5).
 * @since 0.1.0
 */
export const driftCompensationOptionsSchema = z
  .object({
    mode: z.enum(['global', 'per-column']).default('global').describe('one scale for the array, or one per output column'),
    referenceInput: z
      .enum(['identity', 'ones'])
      .default('identity')
      .describe('reference read: one-hot drive planes, one per row (aihwkit; never saturates a converter), or one all-ones plane (one read)'),
    baselineWindowS: z
      .number()
      .positive()
      .default(20)
      .describe('reads at most this long after programming take the baseline, seconds (default: aihwkit PCM t₀ = 20 s, the baseline it reads right after programming)'),
  })
  .strict()

/** @since 0.1.0 */
export type DriftCompensationOptions = z.input<typeof driftCompensationOptionsSchema>
