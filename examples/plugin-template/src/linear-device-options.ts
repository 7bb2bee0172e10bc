import { z } from 'zod'

/**
 * Options of the linear device. Every field has a unit and a range; zod turns a wrong one into an
 * error at its key path (`device.gMaxS: Too small …`).
 * @since 0.1.0
 */
export const linearDeviceOptionsSchema = z
  .strictObject({
    gMinS: z.number().positive().default(1e-6).describe('Lowest programmable conductance, siemens'),
    gMaxS: z.number().positive().default(1e-4).describe('Highest programmable conductance, siemens'),
    levels: z.int().min(2).max(1024).default(16).describe('Evenly spaced programmable levels between gMinS and gMaxS'),
    programmingErrorStd: z.number().min(0).max(1).default(0.02).describe('Programming error σ as a fraction of gMaxS − gMinS'),
    readNoiseStd: z.number().min(0).max(1).default(0.01).describe('Per-read noise σ as a fraction of the cell conductance'),
  })
  .refine((options) => options.gMaxS > options.gMinS, { message: 'gMaxS must exceed gMinS', path: ['gMaxS'] })

/** Options as a config writes them. @since 0.1.0 */
export type LinearDeviceOptions = z.input<typeof linearDeviceOptionsSchema>
/** Options after validation, defaults filled. @since 0.1.0 */
export type ResolvedLinearDeviceOptions = z.output<typeof linearDeviceOptionsSchema>
