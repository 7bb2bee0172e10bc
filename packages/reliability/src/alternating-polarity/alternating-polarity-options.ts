import { z } from 'zod'

/**
 * Options of `alternating-polarity` (paper 000 §5; Yan et al., ICCAD 2017).
 * @since 0.1.0
 */
export const alternatingPolarityOptionsSchema = z
  .object({
    policy: z
      .enum(['alternate', 'feedback'])
      .default('alternate')
      .describe('flip the read polarity every drive plane, or choose it by feedback on the estimated accumulated disturb'),
    reverseToForwardDisturbRatio: z
      .number()
      .positive()
      .default(1)
      .describe('characterised disturb of a reverse read relative to a forward read (feedback policy: the controller balances them)'),
  })
  .strict()

/** @since 0.1.0 */
export type AlternatingPolarityOptions = z.input<typeof alternatingPolarityOptionsSchema>
