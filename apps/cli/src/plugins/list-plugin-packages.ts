import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PluginPackageInfo } from '@cimkit/core'
import { findPackageJson, readPluginManifest, resolvePluginUrl } from '@cimkit/core'
import { readBaseConfig } from '../run/compose-run.js'

const require = createRequire(import.meta.url)

/** Package names of the built-in plugins (kept equal to built-in-plugins.ts by a test). @since 0.1.0 */
export const builtInPluginPackages = [
  '@cimkit/kernels',
  '@cimkit/engine',
  '@cimkit/cost',
  '@cimkit/nn',
  '@cimkit/device-rram',
  '@cimkit/device-pcm',
  '@cimkit/peripherals',
  '@cimkit/arch-isaac',
  '@cimkit/arch-pipelayer',
  '@cimkit/arch-puma',
  '@cimkit/arch-bnn2t2r',
  '@cimkit/arch-input-splitting',
  '@cimkit/reliability',
] as const

/** A plugin package as `cimkit plugins` shows it. @since 0.1.0 */
export interface ListedPlugin {
  readonly name: string
  readonly version: string
  readonly specificationVersion: string
  readonly kinds: readonly string[]
  readonly provides: readonly string[]
  readonly source: string
}

function toListed(info: PluginPackageInfo, source: string): ListedPlugin {
  return { name: info.name, version: info.version, specificationVersion: info.manifest.specificationVersion, kinds: info.manifest.kinds, provides: info.manifest.provides, source }
}

/**
 * Lists plugins from their package.json manifests only: no plugin code is imported, so a broken
 * plugin can still be listed (and diagnosed with `cimkit doctor`).
 * @since 0.1.0
 */
export function listPluginPackages(configPath?: string): ListedPlugin[] {
  const listed = builtInPluginPackages.map((name) => {
    const info = readPluginManifest(require.resolve(`${name}/package.json`))
    if (info === undefined) throw new Error(`${name} has no "cimkit" manifest in its package.json`)
    return toListed(info, 'built-in')
  })
  if (configPath === undefined) return listed
  const absolute = resolve(configPath)
  for (const id of readBaseConfig(absolute).plugins) {
    const url = resolvePluginUrl(id, absolute)
    const packageJson = url.startsWith('file:') ? findPackageJson(url) : undefined
    const info = packageJson === undefined ? undefined : readPluginManifest(packageJson)
    listed.push(
      info === undefined
        ? { name: id, version: 'unknown', specificationVersion: 'unknown', kinds: [], provides: [], source: `${id} (no package.json "cimkit" manifest at ${url.startsWith('file:') ? fileURLToPath(url) : url})` }
        : toListed(info, id),
    )
  }
  return listed
}
