import { z } from 'zod'

/**
 * Options of `ecc`. Default SECDED(8,4): the code paper 004 (Hirtzlin et al. 2020, Fig. 8c) finds as
 * effective as its 2T2R cell at equal redundancy.
 * @since 0.1.0
 */
export const eccOptionsSchema = z
  .object({
    code: z.enum(['sec', 'secded']).default('secded').describe('single error correcting (Hamming) or single error correcting, double error detecting (extended Hamming)'),
    dataBits: z.number().int().min(1).max(1013).default(4).describe('data bits per codeword, k (4 gives SECDED(8,4); 64 gives SECDED(72,64))'),
    decoders: z.number().int().min(1).default(1).describe('decoders instantiated (hardware count for the area roll-up)'),
  })
  .strict()

/** @since 0.1.0 */
export type EccOptions = z.input<typeof eccOptionsSchema>
