import { z } from 'zod'
import { mixtureComponentSchema } from '../distributions/programming-error-options.js'

/** One level of a fitted device. @since 0.1.0 */
export const measuredLevelSchema = z
  .object({
    level: z.number().int().min(0).describe('level index, 0 = lowest conductance'),
    count: z.number().int().positive().describe('number of measured cells'),
    meanS: z.number().min(0).describe('sample mean, siemens'),
    stdS: z.number().min(0).describe('sample standard deviation, siemens'),
    components: z.array(mixtureComponentSchema).min(1).optional().describe('fitted Gaussian mixture (method gaussian-mixture)'),
    samplesS: z.array(z.number().min(0)).min(1).optional().describe('the measured conductances (method empirical)'),
  })
  .strict()

/**
 * The JSON `cimkit device fit` writes and the `measured` device reads:
 * ```json
 * { "format": "cimkit-measured-device", "version": 1, "method": "gaussian-mixture", "source": "measurements.csv",
 *   "levels": [ { "level": 0, "count": 4096, "meanS": 1.7e-5, "stdS": 1.1e-6,
 *                 "components": [ { "weight": 0.98, "meanS": 1.7e-5, "stdS": 8e-7 }, ... ] }, ... ] }
 * ```
 * Levels are listed 0, 1, 2… with ascending mean conductance; a `gaussian-mixture` file has
 * `components` on every level, an `empirical` one `samplesS`.
 * @since 0.1.0
 */
export const measuredDeviceDescriptionSchema = z
  .object({
    format: z.literal('cimkit-measured-device'),
    version: z.literal(1),
    method: z.enum(['gaussian-mixture', 'empirical']),
    source: z.string().optional().describe('where the measurements came from'),
    levels: z.array(measuredLevelSchema).min(2),
  })
  .strict()
  .superRefine((description, context) => {
    description.levels.forEach((level, index) => {
      if (level.level !== index) context.addIssue({ code: 'custom', path: ['levels', index, 'level'], message: `expected level ${index}` })
      if (index > 0 && level.meanS <= description.levels[index - 1]!.meanS) {
        context.addIssue({ code: 'custom', path: ['levels', index, 'meanS'], message: 'level means must ascend' })
      }
      const key = description.method === 'gaussian-mixture' ? 'components' : 'samplesS'
      if (level[key] === undefined) context.addIssue({ code: 'custom', path: ['levels', index, key], message: `method ${description.method} needs ${key}` })
    })
  })

/** @since 0.1.0 */
export type MeasuredDeviceDescription = z.output<typeof measuredDeviceDescriptionSchema>
