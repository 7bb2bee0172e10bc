import { z } from 'zod'
import { readNoiseSchema, rramCostSchema } from '../rram-options.js'
import { measuredDeviceDescriptionSchema } from './measured-device-description.js'

/**
 * Options of the `measured` device: the fitted description from a file (resolved against the config
 * file's directory) or inline, plus what measurements of programmed states do not give.
 * @since 0.1.0
 */
export const measuredOptionsSchema = z
  .object({
    file: z.string().min(1).optional().describe('JSON written by `cimkit device fit`, relative to the config file'),
    fitted: measuredDeviceDescriptionSchema.optional().describe('the fitted description inline'),
    readNoise: readNoiseSchema.optional(),
    stuckOnFraction: z.number().min(0).max(1).optional().describe('fraction of cells stuck at the highest level'),
    stuckOffFraction: z.number().min(0).max(1).optional().describe('fraction of cells stuck at the lowest level'),
    cost: rramCostSchema.optional(),
  })
  .strict()
  .superRefine((options, context) => {
    if ((options.file === undefined) === (options.fitted === undefined)) {
      context.addIssue({ code: 'custom', path: ['file'], message: 'give exactly one of "file" and "fitted"' })
    }
  })

/** @since 0.1.0 */
export type MeasuredOptions = z.input<typeof measuredOptionsSchema>
