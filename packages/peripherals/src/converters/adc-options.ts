import { z } from 'zod'
import { bitsField, technologyFields } from '../options/common-options.js'

/** The option fields shared by the ADC types. @since 0.1.0 */
export function adcOptionFields(defaultBits: number, defaultNodeNm: number, nodeNote: string) {
  return {
    bits: bitsField(defaultBits),
    sampleRateHz: z.number().positive().optional().describe('conversion rate, samples per second (default: one channel’s native rate; faster rates interleave channels)'),
    ...technologyFields(defaultNodeNm, nodeNote),
    columnsPerConverter: columnsPerConverterField(),
    offsetStdLsb: z.number().min(0).default(0).describe('static input-referred offset σ of each converter instance, LSB'),
    noiseStdLsb: z.number().min(0).default(0).describe('input-referred noise σ, drawn anew for every conversion, LSB'),
    references: z
      .array(z.number().min(0).max(1))
      .optional()
      .describe('nonuniform decision thresholds as ascending fractions of the range, 2^bits − 1 of them (default: uniform)'),
  }
}

/**
 * Columns multiplexed onto one converter instance; they share its static offset (ISAAC: 128 columns
 * per ADC, paper 002: 8). The multiplexer's own cost is not modelled (PUMA charges analog muxes 0).
 * @since 0.1.0
 */
export function columnsPerConverterField() {
  return z.number().int().min(1).default(1).describe('columns sharing one converter through a column mux (ISAAC: 128; paper 002: 8); they share its static mismatch')
}

/** Checks that `references`, when given, has 2^bits − 1 ascending entries. @since 0.1.0 */
export function checkReferences(options: { readonly bits: number; readonly references?: readonly number[] | undefined }, context: z.RefinementCtx): void {
  const references = options.references
  if (references === undefined) return
  const expected = 2 ** options.bits - 1
  if (references.length !== expected) {
    context.addIssue({ code: 'custom', message: `expected ${expected} references for ${options.bits} bits, got ${references.length}`, path: ['references'] })
    return
  }
  for (let index = 1; index < references.length; index++) {
    if (references[index]! < references[index - 1]!) {
      context.addIssue({ code: 'custom', message: 'references must be ascending', path: ['references', index] })
      return
    }
  }
}
