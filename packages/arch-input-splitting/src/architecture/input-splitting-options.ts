import { z } from 'zod'
import { multilevelOptionsSchema } from '../multilevel/multilevel-options.js'
import { xnorMacroOptionsSchema } from '../xnor/xnor-macro-options.js'

/**
 * Options of architecture `input-splitting`: `design: xnor-macro` (the binary XNOR-RRAM macro, with
 * `scheme` conventional or input-splitting) or `design: multilevel` (the 2-bit-cell design of Table 1).
 * @since 0.1.0
 */
export const inputSplittingOptionsSchema = z.discriminatedUnion('design', [xnorMacroOptionsSchema, multilevelOptionsSchema])

/** @since 0.1.0 */
export type InputSplittingOptions = z.input<typeof inputSplittingOptionsSchema>
/** @since 0.1.0 */
export type ResolvedInputSplittingOptions = z.output<typeof inputSplittingOptionsSchema>
