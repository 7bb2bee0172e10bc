import { z } from 'zod'
import { comparatorBankCost, pipelinedAdcCost, rampAdcCost, sarAdcCost } from '../cost/adc-cost.js'
import { AdcConverter } from './adc-converter.js'
import { adcOptionFields, checkReferences } from './adc-options.js'

/** Options of the `sar` converter. @since 0.1.0 */
export const sarOptionsSchema = z.object(adcOptionFields(8, 32, 'ISAAC')).strict().superRefine(checkReferences)
/** Options of the `pipelined` converter. @since 0.1.0 */
export const pipelinedOptionsSchema = z.object(adcOptionFields(10, 14, 'MNSIM pipelined-SAR anchor')).strict().superRefine(checkReferences)
/** Options of the `ramp` converter. @since 0.1.0 */
export const rampOptionsSchema = z.object(adcOptionFields(6, 28, 'MNSIM comparator anchor')).strict().superRefine(checkReferences)
/** Options of the `flash` converter. @since 0.1.0 */
export const flashOptionsSchema = z
  .object({
    ...adcOptionFields(3, 28, 'MNSIM comparator anchor'),
    comparatorMismatchStdLsb: z.number().min(0).default(0).describe('static σ of each comparator’s threshold, LSB (decoded by counting fired comparators)'),
  })
  .strict()
  .superRefine(checkReferences)

/** @since 0.1.0 */
export type SarOptions = z.input<typeof sarOptionsSchema>
/** @since 0.1.0 */
export type PipelinedOptions = z.input<typeof pipelinedOptionsSchema>
/** @since 0.1.0 */
export type RampOptions = z.input<typeof rampOptionsSchema>
/** @since 0.1.0 */
export type FlashOptions = z.input<typeof flashOptionsSchema>

/**
 * SAR ADC (binary search with one comparator; ISAAC, PUMA). Cost: `sarAdcCost`.
 * @example createSarAdc({ bits: 8, sampleRateHz: 1.28e9, technologyNodeNm: 32 }).cost.energyPerActionJ.convert // returns 1.5625e-12
 * @since 0.1.0
 */
export function createSarAdc(options: SarOptions = {}): AdcConverter {
  const parsed = sarOptionsSchema.parse(options)
  return new AdcConverter('sar', parsed, sarAdcCost(parsed), parsed)
}

/**
 * Pipelined ADC (one sample per clock through B stages). Cost: `pipelinedAdcCost`.
 * @example createPipelinedAdc().bits // returns 10
 * @since 0.1.0
 */
export function createPipelinedAdc(options: PipelinedOptions = {}): AdcConverter {
  const parsed = pipelinedOptionsSchema.parse(options)
  return new AdcConverter('pipelined', parsed, pipelinedAdcCost(parsed), parsed)
}

/**
 * Column ramp ADC (shared ramp and counter, comparator per column; PRIME, Sandia core).
 * The ramp starts half a step below the range so the latched count rounds. Cost: `rampAdcCost`.
 * @example createRampAdc({ bits: 6 }).cost.componentClass // returns 'adc-ramp'
 * @since 0.1.0
 */
export function createRampAdc(options: RampOptions = {}): AdcConverter {
  const parsed = rampOptionsSchema.parse(options)
  return new AdcConverter('ramp', parsed, rampAdcCost(parsed), parsed)
}

/**
 * Flash ADC: 2^B − 1 comparators against a reference ladder, thermometer-decoded. Cost:
 * `comparatorBankCost`.
 * @example createFlashAdc({ bits: 3 }).cost.componentClass // returns 'adc-flash'
 * @since 0.1.0
 */
export function createFlashAdc(options: FlashOptions = {}): AdcConverter {
  const parsed = flashOptionsSchema.parse(options)
  return new AdcConverter('flash', parsed, comparatorBankCost(parsed, 'adc-flash'), parsed)
}
