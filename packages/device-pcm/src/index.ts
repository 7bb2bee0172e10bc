import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { PcmDevice } from './pcm-device.js'
import { pcmOptionsSchema } from './pcm-options.js'
import { pcmPresets } from './presets/pcm-presets.js'
import { VERSION } from './version.js'

/**
 * PCM devices for cimkit: the `pcm` device (programming noise, power-law drift with its spread,
 * 1/f read noise) and the presets `aihwkit-pcm` and `survey-pcm`.
 * @since 0.1.0
 */
export function createPcmPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/device-pcm', version: VERSION },
    specificationVersion: 'v1',
    presets: pcmPresets,
    register(registrar) {
      registrar.device('pcm', {
        description: 'Phase-change memory cell: state-dependent programming noise, power-law drift, 1/f read noise',
        optionsSchema: pcmOptionsSchema,
        create: (options) => new PcmDevice(options),
      })
    },
  })
}

export default createPcmPlugin()

export { createPcmDevice } from './create-pcm-device.js'
export { globalDriftCompensationScale } from './global-drift-compensation.js'
export { PcmDevice } from './pcm-device.js'
export { clippedLogFitSchema, driftSchema, pcmCostSchema, pcmOptionsSchema, programmingNoiseSchema, readNoiseSchema } from './pcm-options.js'
export type { PcmOptions, PcmOptionsOutput } from './pcm-options.js'
export { aihwkitPcmPreset } from './presets/aihwkit-pcm.js'
export { pcmPresets } from './presets/pcm-presets.js'
export { surveyPcmPreset } from './presets/survey-pcm.js'
