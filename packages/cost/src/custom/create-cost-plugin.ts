import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { VERSION } from '../version.js'
import { createCustomArchitecture } from './create-custom-architecture.js'
import { customArchitectureOptionsSchema } from './custom-options.js'

/**
 * The plugin side of @cimkit/cost: registers the user-composed `custom` architecture.
 * @since 0.1.0
 */
export function createCostPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/cost', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.architecture('custom', {
        optionsSchema: customArchitectureOptionsSchema,
        description: 'User-composed tiled architecture: tiles, cores, arrays, converters, buffers (cost framework)',
        create: (options) => createCustomArchitecture(options),
      })
    },
  })
}
