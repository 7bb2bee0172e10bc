import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { z } from 'zod'
import { referenceBackend } from './reference/reference-backend.js'
import { VERSION } from './version.js'

export { referenceBackend } from './reference/reference-backend.js'
export { referenceGemm } from './reference/reference-gemm.js'
export { convolutionOutputSize, referenceIm2col } from './reference/reference-im2col.js'
export { referenceQuantize } from './reference/reference-quantize.js'

/**
 * Compute backends for cimkit. The reference backend is always registered; faster ones register
 * when they load on this machine.
 * @since 0.1.0
 */
export function createKernelsPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/kernels', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.backend('reference', {
        description: 'Plain TypeScript kernels (the oracle)',
        optionsSchema: z.strictObject({}),
        create: () => referenceBackend,
      })
    },
  })
}

export default createKernelsPlugin()
