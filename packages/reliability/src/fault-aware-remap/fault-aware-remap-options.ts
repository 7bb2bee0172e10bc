import { z } from 'zod'

/**
 * Options of `fault-aware-remap` (paper 000 §5: Liu et al., DAC 2017 weight significance; Xia et
 * al., DAC 2017 neuron exchange).
 * @since 0.1.0
 */
export const faultAwareRemapOptionsSchema = z
  .object({
    permute: z.enum(['rows', 'columns', 'both']).default('rows').describe('exchange rows (inputs), columns (outputs) or both to move significant weights off stuck cells'),
    passes: z.number().int().min(1).max(10).default(2).describe('alternating row/column optimisation passes when permuting both'),
  })
  .strict()

/** @since 0.1.0 */
export type FaultAwareRemapOptions = z.input<typeof faultAwareRemapOptionsSchema>
