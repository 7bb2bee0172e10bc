import { z } from 'zod'
import { adcRangeSchema } from '../engine/engine-options.js'
import { WEIGHT_MAPPINGS } from '../mapping/weight-encoding.js'

/**
 * Options of the `matrix` workload: a random rows×columns matrix and batches of random vectors,
 * the CrossSim benchmark workload (anchor-crosssim.md §8.1: W ~ N(0, 1), x ~ U[−1, 1], batch 64).
 * @since 0.1.0
 */
export const matrixWorkloadOptionsSchema = z.strictObject({
  rows: z.number().int().positive().default(1024).describe('matrix rows = inputs per vector'),
  columns: z.number().int().positive().default(1024).describe('matrix columns = outputs per vector'),
  batch: z.number().int().positive().default(64).describe('vectors per evaluated batch'),
  weightDistribution: z.enum(['normal', 'uniform']).default('normal').describe('W ~ N(0, 1) or U[−1, 1]'),
  inputDistribution: z.enum(['uniform', 'normal']).default('uniform').describe('x ~ U[−1, 1] or N(0, 1)'),
  calibrationBatch: z.number().int().positive().default(64).describe('vectors drawn (separately) to calibrate the converter ranges'),
  arrays: z
    .strictObject({
      rows: z.number().int().positive().optional().describe('array rows; default: the whole matrix on one array'),
      columns: z.number().int().positive().optional().describe('array columns; default: all cell columns on one array'),
      weightBits: z.number().int().min(1).max(24).default(8),
      bitsPerCell: z.number().int().min(1).max(16).default(7),
      inputBits: z.number().int().min(1).max(32).default(8),
      weightMapping: z.enum(WEIGHT_MAPPINGS).default('differential'),
      conversion: z.enum(['per-input-bit', 'after-accumulation']).default('per-input-bit'),
      columnsPerConverter: z.number().int().positive().default(1),
    })
    .default({
      weightBits: 8,
      bitsPerCell: 7,
      inputBits: 8,
      weightMapping: 'differential',
      conversion: 'per-input-bit',
      columnsPerConverter: 1,
    })
    .describe('array organization used when the configuration has no architecture'),
  adcRange: adcRangeSchema.default({ mode: 'calibrated', percentile: 99.99, symmetric: 'auto' }),
  inputRange: z.number().positive().default(1).describe('full-scale |input| (1 for U[−1, 1])'),
  sliceLayout: z.enum(['columns', 'arrays']).default('columns'),
  partialSums: z.enum(['digital', 'analog']).default('digital'),
  wireResistanceOhm: z.number().nonnegative().default(0).describe('wire resistance per cell pitch, ohms'),
})

/** @since 0.1.0 */
export type MatrixWorkloadOptions = z.input<typeof matrixWorkloadOptionsSchema>
/** @since 0.1.0 */
export type ResolvedMatrixWorkloadOptions = z.output<typeof matrixWorkloadOptionsSchema>
