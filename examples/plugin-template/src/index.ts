import type { CimkitPluginV1 } from '@cimkit/core'
import { definePlugin } from '@cimkit/core'
import { LinearDevice } from './linear-device.js'
import { linearDeviceOptionsSchema } from './linear-device-options.js'
import { VERSION } from './version.js'

export { LinearDevice } from './linear-device.js'
export { linearDeviceOptionsSchema } from './linear-device-options.js'
export type { LinearDeviceOptions } from './linear-device-options.js'

/**
 * A third-party device plugin: registers device type `linear-device`. It depends on
 * `@cimkit/core` only, as a peer, so it shares the host's copy of the spec and DI container.
 * @since 0.1.0
 */
export function createLinearDevicePlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: 'cimkit-plugin-linear-device', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.device('linear-device', {
        description: 'Evenly spaced levels with Gaussian programming error (template)',
        optionsSchema: linearDeviceOptionsSchema,
        create: (options) => new LinearDevice(options),
      })
    },
    presets: {
      'coarse-4-level': {
        description: 'A 2-bit cell with 5 % programming error',
        source: 'Template example: 2-bit cells as in ISAAC (Shafiee et al. 2016); error level chosen for illustration',
        config: { device: { type: 'linear-device', levels: 4, programmingErrorStd: 0.05 } },
      },
    },
  })
}

export default createLinearDevicePlugin()
