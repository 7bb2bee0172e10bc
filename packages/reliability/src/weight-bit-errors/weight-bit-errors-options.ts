import { z } from 'zod'

/**
 * Options of `weight-bit-errors`: stored binary weights read flipped with probability `rate`, the
 * error model of paper 004 (Hirtzlin et al., Front. Neurosci. 13:1383, 2020, §3.2 and Fig. 9: "some
 * +1 weights are replaced by −1 weights, and reciprocally").
 * @since 0.1.0
 */
export const weightBitErrorsOptionsSchema = z
  .object({
    rate: z.number().min(0).max(1).describe('bit error rate: probability that a stored binary weight reads flipped (paper 004 Fig. 9 sweeps 1e-4 … 1e-1)'),
    storage: z
      .enum(['cell', 'complementary-pair'])
      .default('cell')
      .describe(
        "'cell': every binary cell of a block flips alone (one device per bit: 1T1R); 'complementary-pair': the two cells of a pair on adjacent columns swap (G⁺ then G⁻ per output, the engine's differential and complementary-binary layout), so a 2T2R weight flips sign whole",
      ),
  })
  .strict()

/** @since 0.1.0 */
export type WeightBitErrorsOptions = z.input<typeof weightBitErrorsOptionsSchema>
