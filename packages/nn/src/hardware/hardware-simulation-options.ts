import { adcRangeSchema } from '@cimkit/engine'
import { z } from 'zod'
import { MATRIX_READOUTS } from './matrix-readouts.js'

/**
 * How a network's matrices are simulated on hardware (`workload.simulation`): the engine options,
 * and the array organization used when the config names no architecture.
 * @since 0.1.0
 */
export const hardwareSimulationOptionsSchema = z.strictObject({
  adcRange: adcRangeSchema.default({ mode: 'calibrated', percentile: 99.99, symmetric: 'auto' }).describe('converter range: max, fixed, or calibrated on the first evaluated batch'),
  inputPercentile: z.number().gt(0).lte(100).default(99.99).describe('percentile of |layer input| mapped to full drive scale, %'),
  weightPercentile: z.number().gt(0).lte(100).default(100).describe('percentile of |weight| mapped to the largest conductance step, %'),
  sliceLayout: z.enum(['columns', 'arrays']).default('columns'),
  partialSums: z.enum(['digital', 'analog']).default('digital'),
  wireResistanceOhm: z.number().nonnegative().default(0).describe('wire resistance per cell pitch, ohms'),
  arrays: z
    .strictObject({
      rows: z.int().positive().default(128),
      columns: z.int().positive().default(128),
      weightBits: z.int().min(1).max(24).default(8),
      bitsPerCell: z.int().min(1).max(16).default(2),
      inputBits: z.int().min(1).max(32).default(8),
      weightMapping: z.enum(['differential', 'offset-reference', 'offset-digital', 'complementary-binary', 'biased-flipped']).default('differential'),
      conversion: z.enum(['per-input-bit', 'after-accumulation']).default('per-input-bit'),
      columnsPerConverter: z.int().positive().default(1),
      sensing: z
        .enum(['column', 'per-cell'])
        .default('column')
        .describe("'column': converters read each column's analog sum; 'per-cell': every binary cell is sensed on its own (1-bit converter, digital popcount; paper 004's PCSA)"),
    })
    .prefault({})
    .describe('array organization when the config has no architecture (an architecture states its own)'),
  matrices: z
    .record(z.string().min(1), z.enum(MATRIX_READOUTS))
    .default({})
    .describe("per matrix, by layer name or '<layer>/g<group>' (conv or input-split group): 'adc' = the configured peripherals.adc (default), 'ideal' = on the arrays, exact readout, 'digital' = float product off the arrays"),
})

/** @since 0.1.0 */
export type HardwareSimulationOptions = z.output<typeof hardwareSimulationOptionsSchema>
