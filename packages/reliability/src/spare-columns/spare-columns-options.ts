import { z } from 'zod'

/**
 * Options of `spare-columns` (redundant columns for stuck-at faults, paper 003 §VIII, its ref. 206).
 * @since 0.1.0
 */
export const spareColumnsOptionsSchema = z
  .object({
    spareColumns: z.number().int().min(1).default(4).describe('redundant columns per array'),
    faultThresholdFraction: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.25)
      .describe('a cell whose read-back deviates from its target by more than this fraction of the conductance range counts as faulty'),
  })
  .strict()

/** @since 0.1.0 */
export type SpareColumnsOptions = z.input<typeof spareColumnsOptionsSchema>
