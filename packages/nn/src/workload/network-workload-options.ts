import { z } from 'zod'
import { hardwareSimulationOptionsSchema } from '../hardware/hardware-simulation-options.js'

/**
 * Options of `workload: { type: network, ... }`.
 * @since 0.1.0
 */
export const networkWorkloadOptionsSchema = z
  .object({
    model: z.string().min(1).describe('Built-in model (mlp-mnist, lenet5-mnist, bnn-mnist, cnn-fashion, bnn-split-mnist), a .onnx file, or a directory with network.json + weights.bin; paths relative to the config file'),
    dataset: z.enum(['mnist', 'fashion-mnist', 'cifar10']).describe('Test split the accuracy is measured on'),
    samples: z.number().int().positive().optional().describe('Test images evaluated (default: the whole test split)'),
    cifar10Path: z.string().min(1).optional().describe('Directory of the CIFAR-10 binary version (cifar-10-batches-bin), relative to the config file'),
    simulation: hardwareSimulationOptionsSchema.prefault({}).describe('How matrices are simulated on the hardware (engine options; array organization without an architecture)'),
    onHardware: z.boolean().default(true).describe('false: report the float baseline only, skipping the hardware trials'),
  })
  .strict()

/** @since 0.1.0 */
export type NetworkWorkloadOptions = z.input<typeof networkWorkloadOptionsSchema>
