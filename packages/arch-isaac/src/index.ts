import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { createIsaacArchitecture } from './create-isaac-architecture.js'
import { isaacOptionsSchema } from './isaac-options.js'
import { isaacCePreset } from './presets/isaac-ce.js'
import { VERSION } from './version.js'

export { createIsaacArchitecture, isaacAdcBits } from './create-isaac-architecture.js'
export { decodeFlippedSum, flipColumns } from './flipped-weight-encoding.js'
export type { FlippedColumns } from './flipped-weight-encoding.js'
export { isaacOptionsSchema } from './isaac-options.js'
export type { IsaacOptions, ResolvedIsaacOptions } from './isaac-options.js'
export { isaacCePreset } from './presets/isaac-ce.js'
export { VERSION } from './version.js'

/**
 * The ISAAC architecture for cimkit: registers architecture `isaac` and the preset `isaac-ce`.
 * @since 0.1.0
 */
export function createIsaacPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/arch-isaac', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.architecture('isaac', {
        optionsSchema: isaacOptionsSchema,
        description: 'ISAAC (ISCA 2016): tiles of IMAs of 128×128 crossbars, bit-serial inputs, shared SAR ADCs, eDRAM, inter-layer pipeline',
        create: (options) => createIsaacArchitecture(options),
      })
    },
    presets: { 'isaac-ce': isaacCePreset },
  })
}

export default createIsaacPlugin()
