import { z } from 'zod'

const positiveInt = z.number().int().positive()

/**
 * How to train a network: optimizer, schedule, and the hardware-aware options (weight mode,
 * activation bits, noise injection, clipping). The committed reference-model configs
 * (`models/<name>/config.json`) use this schema.
 * @since 0.1.0
 */
export const trainingConfigSchema = z
  .object({
    epochs: positiveInt.describe('Passes over the training set'),
    batchSize: positiveInt.describe('Samples per minibatch'),
    seed: z.number().int().nonnegative().describe('Seed of initialization, shuffling and noise'),
    optimizer: z.discriminatedUnion('type', [
      z.object({
        type: z.literal('sgd'),
        learningRate: z.number().positive(),
        momentum: z.number().min(0).max(1).default(0.9),
        weightDecay: z.number().min(0).default(0),
      }).strict(),
      z.object({
        type: z.literal('adam'),
        learningRate: z.number().positive(),
        beta1: z.number().min(0).max(1).default(0.9),
        beta2: z.number().min(0).max(1).default(0.999),
        epsilon: z.number().positive().default(1e-8),
        weightDecay: z.number().min(0).default(0),
      }).strict(),
    ]),
    learningRateDecay: z.number().positive().max(1).default(1).describe('Learning rate multiplied by this after every epoch'),
    weights: z
      .discriminatedUnion('mode', [
        z.object({ mode: z.literal('float') }).strict(),
        z.object({ mode: z.literal('quantized'), bits: z.number().int().min(2).max(16).describe('Signed weight bits, symmetric per layer') }).strict(),
        z.object({ mode: z.literal('binary') }).strict().describe('sign(latent) in forward, straight-through gradient, latent clipped to [−1, 1]'),
      ])
      .default({ mode: 'float' }),
    activationBits: positiveInt.max(16).optional().describe('Quantize every array layer input to this many bits (straight-through)'),
    weightClip: z.number().positive().optional().describe('Clamp latent weights to [−clip, clip] after every step'),
    noise: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('gaussian'), relativeStd: z.number().positive().describe('Std of additive weight noise, as a fraction of the layer max |w|') }).strict(),
        z
          .object({
            type: z.literal('device'),
            device: z
              .looseObject({ type: z.string().min(1).optional(), preset: z.string().min(1).optional() })
              .describe('A device section as in a run config (type or preset, plus its options); the host builds it from its registry'),
          })
          .strict()
          .describe('Each step programs the weights as differential pairs on this device and trains on the read-back weights (createDeviceWeightNoise)'),
      ])
      .optional(),
    trainSamples: positiveInt.optional().describe('Use only the first N training samples'),
  })
  .strict()

/** @since 0.1.0 */
export type TrainingConfig = z.output<typeof trainingConfigSchema>
/** @since 0.1.0 */
export type TrainingConfigInput = z.input<typeof trainingConfigSchema>
