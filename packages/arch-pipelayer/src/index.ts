import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { PipeLayerArchitecture } from './pipelayer-architecture.js'
import { pipeLayerOptionsSchema } from './pipelayer-options.js'
import { pipeLayerPreset } from './presets/pipelayer.js'
import { VERSION } from './version.js'

export { activationFifos } from './activation-fifo.js'
export type { ActivationFifo } from './activation-fifo.js'
export { buildPipeLayerChip, pipeLayerGeometry } from './build-pipelayer-chip.js'
export type { PipeLayerChip } from './build-pipelayer-chip.js'
export { PipeLayerArchitecture } from './pipelayer-architecture.js'
export type { PipeLayerLayerReport, PipeLayerMemory, PipeLayerReport } from './pipelayer-architecture.js'
export { pipeLayerOptionsSchema } from './pipelayer-options.js'
export type { PipeLayerOptions, ResolvedPipeLayerOptions } from './pipelayer-options.js'
export { inferenceSchedule, trainingSchedule } from './pipelayer-schedule.js'
export type { PipeLayerLayerTiming, PipeLayerSchedule, PipeLayerStageWork } from './pipelayer-schedule.js'
export { pipeLayerPreset } from './presets/pipelayer.js'
export { deltaBufferCost, reramBufferCost } from './reram-buffer-cost.js'
export type { ReramBufferShape } from './reram-buffer-cost.js'
export { trainingCountsPerExample, transposedLayer } from './training-counts.js'
export { VERSION } from './version.js'

/**
 * The PipeLayer architecture for cimkit: registers architecture `pipelayer` and preset `pipelayer`.
 * @since 0.1.0
 */
export function createPipeLayerPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/arch-pipelayer', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.architecture('pipelayer', {
        optionsSchema: pipeLayerOptionsSchema,
        description: 'PipeLayer (HPCA 2017): spike inputs, integrate-and-fire outputs, replicated layers, inference and training pipelines',
        create: (options) => new PipeLayerArchitecture(options),
      })
    },
    presets: { pipelayer: pipeLayerPreset },
  })
}

export default createPipeLayerPlugin()
