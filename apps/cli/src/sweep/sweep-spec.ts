import { z } from 'zod'

const scalar = z.union([z.number(), z.string(), z.boolean()])

/** One swept key: explicit values, or a numeric range (grid) / interval (random). */
const parameterSchema = z.strictObject({
  key: z.string().min(1).describe('Dotted config key, e.g. "peripherals.adc.bits"'),
  values: z.array(scalar).min(1).optional().describe('Values to take (grid and random modes)'),
  range: z
    .strictObject({ min: z.number(), max: z.number(), step: z.number().positive().optional(), integer: z.boolean().default(false) })
    .optional()
    .describe('Grid: min..max by step; random: uniform in [min, max]'),
})

/**
 * A sweep file: a base config, the keys to vary and how, Monte Carlo trials per point, and where
 * results go. Paths are relative to the sweep file.
 * @since 0.1.0
 */
export const sweepSpecSchema = z
  .strictObject({
    base: z.string().min(1).describe('Path of the base config, relative to this file'),
    mode: z.enum(['grid', 'random', 'list']).default('grid'),
    parameters: z.array(parameterSchema).default([]),
    points: z.array(z.record(z.string(), scalar)).optional().describe('list mode: each point as { key: value }'),
    samples: z.int().min(1).optional().describe('random mode: number of points'),
    seed: z.int().min(0).default(0).describe('Seed of random-mode sampling (runs keep their own run.seed)'),
    trials: z.int().min(1).optional().describe('Overrides run.trials of every point'),
    workers: z.int().min(1).optional().describe('Worker threads (default: one per core)'),
    results: z.string().min(1).default('sweep-results.jsonl').describe('Results file (JSONL), relative to this file'),
  })
  .superRefine((spec, context) => {
    if (spec.mode === 'list' && spec.points === undefined) context.addIssue({ code: 'custom', path: ['points'], message: 'list mode needs points' })
    if (spec.mode === 'random' && spec.samples === undefined) context.addIssue({ code: 'custom', path: ['samples'], message: 'random mode needs samples' })
    spec.parameters.forEach((parameter, index) => {
      if ((parameter.values === undefined) === (parameter.range === undefined)) {
        context.addIssue({ code: 'custom', path: ['parameters', index], message: 'give exactly one of values or range' })
      }
      if (spec.mode === 'grid' && parameter.range !== undefined && parameter.range.step === undefined) {
        context.addIssue({ code: 'custom', path: ['parameters', index, 'range', 'step'], message: 'grid mode needs a step' })
      }
    })
  })

/** @since 0.1.0 */
export type SweepSpec = z.output<typeof sweepSpecSchema>
/** @since 0.1.0 */
export type SweepParameter = SweepSpec['parameters'][number]
