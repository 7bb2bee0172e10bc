import { z } from 'zod'

/**
 * Options of the PipeLayer architecture (Song, Qian, Li, Chen, HPCA 2017). Paper facts: 128 × 128
 * ReRAM arrays of 4-bit cells, 16-bit weights (4 cells), 16-bit inputs as weighted spikes, integrate-
 * and-fire outputs, morphable (compute/memory) and memory subarrays, replication for intra-layer
 * parallelism, W and Wᵀ copies and a ΔW buffer array for training (001 Table I row [12]; survey
 * §10.5, §11.4). Array counts are not in the sources and default to an ISAAC-CE-sized budget.
 * @since 0.1.0
 */
export const pipeLayerOptionsSchema = z
  .object({
    mode: z.enum(['inference', 'training']).default('inference').describe('Inference pipeline, or training (forward, backward and batch weight update)'),
    batchSize: z.number().int().min(1).default(64).describe('Training batch: images between weight updates (PipeLayer abstract: e.g. 64)'),
    images: z.number().int().min(1).default(1).describe('Images pushed through the inference pipeline in one run (for the run cycle count)'),
    morphableSubarrays: z.number().int().min(1).default(16384).describe('Compute (morphable) subarrays; default sized like ISAAC-CE (not a paper figure)'),
    memorySubarrays: z.number().int().min(0).default(4096).describe('Memory subarrays holding activations as circular FIFOs (not a paper figure)'),
    deltaSubarrays: z.number().int().min(0).default(4096).describe('Subarrays reserved as ΔW buffers in training (not a paper figure)'),
    rows: z.number().int().min(2).default(128).describe('Subarray rows'),
    columns: z.number().int().min(2).default(128).describe('Subarray columns'),
    weightBits: z.number().int().min(1).max(32).default(16).describe('Weight precision, bits'),
    bitsPerCell: z.number().int().min(1).max(8).default(4).describe('Bits per ReRAM cell (PipeLayer: 4)'),
    inputBits: z.number().int().min(1).max(32).default(16).describe('Activation precision, bits'),
    crossbarEnergy: z.enum(['device', 'published']).default('device').describe("Crossbar read energy: the device's V²·Ḡ·t per cell read, or ISAAC Table 6's 0.3 mW per 128×128 scaled by cells"),
    cycleS: z.number().positive().optional().describe('One spike slot, seconds; default the device read pulse'),
    pulsesPerWrite: z.number().int().min(1).default(1).describe('Programming pulses per cell in the batch weight update'),
    replication: z.enum(['balance', 'none']).default('balance').describe('Copy layers for intra-layer parallelism to balance the pipeline'),
    maxReplication: z.number().int().min(1).optional().describe('Upper bound on copies of any layer'),
    technologyNodeNm: z.number().positive().default(32).describe('Node of the digital units, nanometres'),
    supplyV: z.number().positive().default(1.0).describe('Supply of the digital units, volts'),
  })
  .strict()

/** @since 0.1.0 */
export type PipeLayerOptions = z.input<typeof pipeLayerOptionsSchema>
/** @since 0.1.0 */
export type ResolvedPipeLayerOptions = z.output<typeof pipeLayerOptionsSchema>
