import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { VERSION } from './version.js'

/**
 * The PUMA architecture for cimkit. Registers nothing yet: its components arrive with the issue that builds them,
 * and package.json's `cimkit.provides` lists exactly what `register` adds.
 * @since 0.1.0
 */
export function createPumaPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/arch-puma', version: VERSION },
    specificationVersion: 'v1',
    register() {},
  })
}

export default createPumaPlugin()
