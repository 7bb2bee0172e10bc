import { z } from 'zod'

/**
 * Options of `noise-injection-training`: hardware-aware training as aihwkit does it
 * (anchor-aihwkit §7: weight modifier ADD_NORMAL / MULT_NORMAL, clipping FIXED_VALUE /
 * LAYER_GAUSSIAN; its recipe §7.4 uses 6 % additive noise and a 2σ clip), paper 003 §VIII
 * (noise injection, Joshi et al.; clipping, its ref. 213).
 * @since 0.1.0
 */
export const noiseInjectionTrainingOptionsSchema = z
  .object({
    noise: z.enum(['additive', 'multiplicative']).default('additive').describe('w + σ·max|w|·ξ (aihwkit ADD_NORMAL) or w + σ·w·ξ (MULT_NORMAL)'),
    relativeStd: z.number().min(0).default(0.06).describe('σ of the injected noise (aihwkit HWA recipe: 0.06)'),
    clip: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('none') }).strict(),
        z.object({ kind: z.literal('fixed'), value: z.number().positive().describe('clip |w| to this value') }).strict(),
        z.object({ kind: z.literal('gaussian'), sigmas: z.number().positive().default(2).describe('clip |w| to this many standard deviations of the layer (aihwkit recipe: 2)') }).strict(),
      ])
      .default({ kind: 'gaussian', sigmas: 2 }),
  })
  .strict()

/** @since 0.1.0 */
export type NoiseInjectionTrainingOptions = z.input<typeof noiseInjectionTrainingOptionsSchema>
