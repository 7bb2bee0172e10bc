import { z } from 'zod'

/**
 * Options of `write-verify`. Paper 002 (Yin et al., IEEE Micro 2019, "Multilevel Programming
 * Scheme") iterates program/verify with N_max = 15, 30, 15, 10 for its four 2-bit levels.
 * @since 0.1.0
 */
export const writeVerifyOptionsSchema = z
  .object({
    maxIterations: z
      .union([z.number().int().min(1), z.array(z.number().int().min(1)).min(2)])
      .default(15)
      .describe('N_max: most programming pulses per cell, one number or one per device level in ascending conductance (paper 002: [15, 30, 15, 10])'),
    toleranceFraction: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.0295)
      .describe('half-width of the accepted band around each target, as a fraction of the conductance range (default: paper 000 §5, read-verify keeps the analog error under 2.95 %)'),
    parallelCells: z.number().int().min(1).default(1).describe('cells pulsed and verified at once (paper 004 programs device by device: 1)'),
  })
  .strict()

/** @since 0.1.0 */
export type WriteVerifyOptions = z.input<typeof writeVerifyOptionsSchema>
