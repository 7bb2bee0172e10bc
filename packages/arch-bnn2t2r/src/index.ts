import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { VERSION } from './version.js'

/**
 * The 2T2R binarized-network macro for cimkit. Registers nothing yet: its components arrive with the issue that builds them,
 * and package.json's `cimkit.provides` lists exactly what `register` adds.
 * @since 0.1.0
 */
export function createBnn2t2rPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/arch-bnn2t2r', version: VERSION },
    specificationVersion: 'v1',
    register() {},
  })
}

export default createBnn2t2rPlugin()
