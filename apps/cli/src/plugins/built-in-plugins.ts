import { createRequire } from 'node:module'
import archBnn2t2r from '@cimkit/arch-bnn2t2r'
import archInputSplitting from '@cimkit/arch-input-splitting'
import archIsaac from '@cimkit/arch-isaac'
import archPipelayer from '@cimkit/arch-pipelayer'
import archPuma from '@cimkit/arch-puma'
import type { CimkitPluginV1, PluginPackageInfo } from '@cimkit/core'
import { readPluginManifest } from '@cimkit/core'
import cost from '@cimkit/cost'
import deviceRram from '@cimkit/device-rram'
import devicePcm from '@cimkit/device-pcm'
import engine from '@cimkit/engine'
import kernels from '@cimkit/kernels'
import nn from '@cimkit/nn'
import peripherals from '@cimkit/peripherals'
import reliability from '@cimkit/reliability'

const require = createRequire(import.meta.url)

/**
 * The first-party plugins, imported statically so `cimkit run` needs no resolution step for them
 * (STYLE.md R14). Users add third-party plugins on top through the config's `plugins` list.
 * @since 0.1.0
 */
export const builtInPlugins: readonly CimkitPluginV1[] = [
  kernels,
  engine,
  cost,
  nn,
  deviceRram,
  devicePcm,
  peripherals,
  archIsaac,
  archPipelayer,
  archPuma,
  archBnn2t2r,
  archInputSplitting,
  reliability,
]

/** Each built-in plugin with its package manifest, read from its package.json. @since 0.1.0 */
export function builtInPluginsWithManifests(): { plugin: CimkitPluginV1; manifest: PluginPackageInfo | undefined }[] {
  return builtInPlugins.map((plugin) => ({ plugin, manifest: readPluginManifest(require.resolve(`${plugin.meta.name}/package.json`)) }))
}
