import { z } from 'zod'

/**
 * How an output converter's range is set (CrossSim's MAX / CALIBRATED, plus a fixed fraction):
 * `max` covers every output the array can produce (aligned so that, with enough bits, every integer
 * product lands on a code: the full-precision guarantee of survey Eq. 10); `fixed` is a fraction of
 * that max range; `calibrated` takes percentiles of the pre-conversion values seen by `calibrate`.
 * @since 0.1.0
 */
export const adcRangeSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('max') }),
  z.strictObject({
    mode: z.literal('fixed'),
    min: z.number().describe('lower bound as a fraction of the largest |bound| of the max range'),
    max: z.number().describe('upper bound as a fraction of the largest |bound| of the max range'),
  }),
  z.strictObject({
    mode: z.literal('calibrated'),
    percentile: z.number().gt(50).lte(100).default(99.99).describe('percentile of the calibration values kept inside the range, %'),
    symmetric: z.enum(['auto', 'yes', 'no']).default('auto').describe('auto: symmetric when the array can produce negative outputs'),
  }),
])

/**
 * Engine-specific options of `programAnalogMatrix`, beside the hardware in `AnalogMatrixOptions`.
 * @since 0.1.0
 */
export const engineOptionsSchema = z.strictObject({
  adcRange: adcRangeSchema.default({ mode: 'max' }),
  inputRange: z.number().positive().optional().describe('full-scale |input| in input units; default: calibrated, else the batch maximum'),
  inputPercentile: z.number().gt(0).lte(100).default(100).describe('percentile of |input| that `calibrate` maps to full scale, %'),
  weightPercentile: z.number().gt(0).lte(100).default(100).describe('percentile of |weight| mapped to the largest level; larger weights clip, %'),
  sliceLayout: z.enum(['columns', 'arrays']).default('columns').describe('weight slices on adjacent columns of one array or on separate arrays'),
  partialSums: z.enum(['digital', 'analog']).default('digital').describe('how row blocks of a tiled matrix are added: after or before conversion'),
  wireResistanceOhm: z.number().nonnegative().default(0).describe('wire resistance per cell pitch on rows and columns, ohms (0 = no IR drop)'),
  idleRows: z
    .enum(['driven', 'floating', 'gated'])
    .default('driven')
    .describe('rows with zero drive: held at 0 V, left floating (selector-less array: sneak paths), or cut off by their access transistor (1T1R); matters with wire resistance'),
  irDropRelativeTolerance: z.number().positive().default(1e-9).describe('residual norm of the nodal solve relative to the drive, unitless'),
})

/** @since 0.1.0 */
export type EngineOptions = z.input<typeof engineOptionsSchema>
/** @since 0.1.0 */
export type ResolvedEngineOptions = z.output<typeof engineOptionsSchema>
/** @since 0.1.0 */
export type AdcRangeOptions = z.output<typeof adcRangeSchema>
