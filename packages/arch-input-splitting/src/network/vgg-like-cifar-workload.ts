import type { NetworkWorkloadV1, WorkloadV1 } from '@cimkit/core'
import { z } from 'zod'
import { vggLikeCifarNetwork } from './vgg-like-cifar.js'

/**
 * Options of `workload: { type: vgg-like-cifar10 }`: paper 002's Table 1 network as layer shapes.
 * @since 0.1.0
 */
export const vggLikeCifarWorkloadOptionsSchema = z
  .object({
    multiplesOf7: z
      .boolean()
      .default(false)
      .describe('conv widths 126/252/504 (multiples of 7, the input-splitting variant, paper 002 §"Input splitting") instead of 128/256/512 (Table 1)'),
  })
  .strict()

/** @since 0.1.0 */
export type VggLikeCifarWorkloadOptions = z.input<typeof vggLikeCifarWorkloadOptionsSchema>

/**
 * Paper 002's VGG-like CIFAR-10 network (Table 1) as a shape-only workload: it describes the
 * array-mapped layers for the architecture's cost (chip area, energy, FPS) and has no weights or
 * dataset, so it has no `evaluate` and the report carries PPA with no accuracy.
 * NOTE: paper 002 evaluates Table 1 in NeuroSim on this topology; no trained weights are published,
 * so cimkit costs the shapes (research digest A.1.10).
 * @since 0.1.0
 */
export class VggLikeCifarWorkload implements WorkloadV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'vgg-like-cifar10'
  private readonly options: z.output<typeof vggLikeCifarWorkloadOptionsSchema>
  private readonly network: NetworkWorkloadV1

  constructor(options: VggLikeCifarWorkloadOptions = {}) {
    this.options = vggLikeCifarWorkloadOptionsSchema.parse(options)
    this.network = vggLikeCifarNetwork({ multiplesOf7: this.options.multiplesOf7 })
  }

  describe(): NetworkWorkloadV1 {
    return this.network
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options, network: this.network.name }
  }
}
