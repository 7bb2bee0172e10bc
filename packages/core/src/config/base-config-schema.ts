import { z } from 'zod'

/**
 * A config section naming a registered component: `{ type, preset?, ...options }`. `type` may be
 * left out where another section's preset supplies it (an architecture preset fills the device and
 * converters, and the user overrides single keys); phase 2 requires it once presets are applied.
 */
const componentSection = z.looseObject({
  type: z.string().min(1).optional().describe('Registered component type, e.g. "rram" (may come from a preset)'),
  preset: z.string().min(1).optional().describe('Named preset of the plugin that provides the type; your keys override it'),
})

/**
 * Phase 1 of validation (STYLE.md R15): the shape every config has, whatever its plugins. Component
 * sections only need a `type` here; phase 2 validates their options against the plugin's schema.
 * @since 0.1.0
 */
export const baseConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  plugins: z
    .array(z.string().min(1))
    .default([])
    .describe('Plugins to load besides the built-in first-party ones: package names or paths relative to this file'),
  architecture: componentSection.optional(),
  device: componentSection.optional(),
  peripherals: z
    .strictObject({
      dac: componentSection.optional().describe('Input encoder: DAC, bit-serial, PWM or spike driver'),
      adc: componentSection.optional().describe('Output converter: ADC, sense amplifier or counter'),
    })
    .optional(),
  reliability: z.array(componentSection).default([]).describe('Reliability techniques, applied in this order (first = outermost)'),
  workload: componentSection.optional(),
  run: z
    .strictObject({
      seed: z.int().min(0).default(0).describe('Seed of the run; every random stream derives from it'),
      trials: z.int().min(1).default(1).describe('Monte Carlo trials (independent programming of the arrays)'),
      timeSinceProgrammingS: z.number().positive().default(1).describe('Seconds between programming and inference, for drift, seconds'),
      backend: z.string().min(1).default('auto').describe('Compute backend, or "auto" for the fastest available'),
    })
    .prefault({}),
  output: z.strictObject({ dir: z.string().min(1).optional().describe('Directory for report files') }).optional(),
})

/** A config after phase 1. @since 0.1.0 */
export type BaseConfig = z.output<typeof baseConfigSchema>
/** A config as written by a user. @since 0.1.0 */
export type ConfigInput = z.input<typeof baseConfigSchema>
