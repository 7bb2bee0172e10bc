import { z } from 'zod'
import { comparatorBankCost } from '../cost/adc-cost.js'
import { senseAmpCost } from '../cost/sense-amp-cost.js'
import { bitsField, technologyFields } from '../options/common-options.js'
import { nominalSupplyV } from '../technology/nominal-supply.js'
import { checkReferences, columnsPerConverterField } from './adc-options.js'
import { SenseAmpBank } from './sense-amp-bank.js'
import { checkSenseAmpPhysics, senseAmpPhysicsFields } from './sense-amp-physics.js'

/** Options of the `voltage-sa` converter. @since 0.1.0 */
export const voltageSenseAmpOptionsSchema = z
  .object({
    reference: z.number().min(0).max(1).default(0.5).describe('the one shared reference, fraction of the range (0.5: bit count 0 of a symmetric range, paper 002)'),
    columnsPerConverter: columnsPerConverterField(),
    ...technologyFields(90, 'paper 002, Winbond 90 nm'),
    ...senseAmpPhysicsFields,
  })
  .strict()
  .superRefine(checkSenseAmpPhysics)

/** Options of the `sa-flash` converter. @since 0.1.0 */
export const senseAmpFlashOptionsSchema = z
  .object({
    bits: bitsField(3, 8),
    references: z.array(z.number().min(0).max(1)).optional().describe('ladder references as ascending fractions of the range, 2^bits − 1 of them (default: uniform)'),
    columnsPerConverter: columnsPerConverterField(),
    ...technologyFields(90, 'paper 002, Winbond 90 nm'),
    ...senseAmpPhysicsFields,
  })
  .strict()
  .superRefine((options, context) => {
    checkReferences(options, context)
    checkSenseAmpPhysics(options, context)
  })

/** @since 0.1.0 */
export type VoltageSenseAmpOptions = z.input<typeof voltageSenseAmpOptionsSchema>
/** @since 0.1.0 */
export type SenseAmpFlashOptions = z.input<typeof senseAmpFlashOptionsSchema>

/**
 * Paper 002's binary sense amplifier with one reference shared by all columns (input splitting).
 * @example createVoltageSenseAmp().bits // returns 1
 * @since 0.1.0
 */
export function createVoltageSenseAmp(options: VoltageSenseAmpOptions = {}): SenseAmpBank {
  const parsed = voltageSenseAmpOptionsSchema.parse(options)
  const physics = { ...parsed, supplyV: parsed.supplyV ?? nominalSupplyV(parsed.technologyNodeNm) }
  return new SenseAmpBank('voltage-sa', 1, [parsed.reference], parsed.columnsPerConverter, physics, senseAmpCost('voltage-sa', parsed), parsed)
}

/**
 * Paper 002's flash ADC built from 2^B − 1 voltage-mode SAs on a reference ladder (3 bits, 7 SAs).
 * @example createSenseAmpFlash().cost.componentClass // returns 'adc-sa-flash'
 * @since 0.1.0
 */
export function createSenseAmpFlash(options: SenseAmpFlashOptions = {}): SenseAmpBank {
  const parsed = senseAmpFlashOptionsSchema.parse(options)
  const physics = { ...parsed, supplyV: parsed.supplyV ?? nominalSupplyV(parsed.technologyNodeNm) }
  return new SenseAmpBank('sa-flash', parsed.bits, parsed.references, parsed.columnsPerConverter, physics, comparatorBankCost(parsed, 'adc-sa-flash'), parsed)
}
