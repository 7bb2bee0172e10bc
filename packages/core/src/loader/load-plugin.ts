import { z } from 'zod'
import { PluginLoadError } from '../errors/plugin-load-error.js'
import type { CimkitPluginV1 } from '../plugin/cimkit-plugin.js'
import type { PluginPackageInfo } from '../plugin/plugin-manifest.js'
import { SPECIFICATION_VERSION } from '../spec/specification-version.js'
import { findPackageJson, readPluginManifest } from './read-plugin-manifest.js'
import { resolvePluginUrl } from './resolve-plugin-url.js'

const pluginShape = z.object({
  meta: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  specificationVersion: z.string(),
  register: z.custom<CimkitPluginV1['register']>((value) => typeof value === 'function', 'must be a function'),
  presets: z.record(z.string(), z.object({ description: z.string(), source: z.string(), config: z.record(z.string(), z.unknown()) })).optional(),
})

/** A plugin module that passed every check, with where it came from. @since 0.1.0 */
export interface LoadedPlugin {
  readonly id: string
  readonly url: string
  readonly plugin: CimkitPluginV1
  readonly manifest: PluginPackageInfo | undefined
}

/**
 * Checks that a plugin object is one this core can run: the shape, the spec version, and agreement
 * with its package's `cimkit` manifest.
 * @since 0.1.0
 */
export function checkPlugin(candidate: unknown, pluginId: string, manifest: PluginPackageInfo | undefined, configPath?: string): CimkitPluginV1 {
  const where = configPath === undefined ? {} : { configPath }
  const shape = pluginShape.safeParse(candidate)
  if (!shape.success) {
    const detail = shape.error.issues.map((issue) => `${issue.path.join('.') || '(export)'} ${issue.message}`).join('; ')
    throw new PluginLoadError(pluginId, `default export is not a cimkit plugin (${detail})`, where)
  }
  const plugin = candidate as CimkitPluginV1
  if (plugin.specificationVersion !== SPECIFICATION_VERSION) {
    throw new PluginLoadError(
      pluginId,
      `was built for cimkit spec ${plugin.specificationVersion}, but this cimkit implements spec ${SPECIFICATION_VERSION}`,
      where,
    )
  }
  if (manifest !== undefined) {
    if (manifest.name !== plugin.meta.name) {
      throw new PluginLoadError(pluginId, `meta.name "${plugin.meta.name}" differs from package.json name "${manifest.name}"`, where)
    }
    if (manifest.manifest.specificationVersion !== plugin.specificationVersion) {
      throw new PluginLoadError(
        pluginId,
        `package.json declares spec ${manifest.manifest.specificationVersion} but the plugin object declares ${plugin.specificationVersion}`,
        where,
      )
    }
  }
  return plugin
}

/**
 * Resolves a plugin id from the config's directory, imports it, and checks it.
 * Every failure is a `PluginLoadError` naming the plugin and the config, with the cause attached.
 * @since 0.1.0
 */
export async function loadPlugin(pluginId: string, configPath?: string): Promise<LoadedPlugin> {
  const url = resolvePluginUrl(pluginId, configPath)
  const where = configPath === undefined ? {} : { configPath }
  let module: { default?: unknown }
  try {
    module = (await import(url)) as { default?: unknown }
  } catch (error) {
    throw new PluginLoadError(pluginId, `failed to import ${url}: ${error instanceof Error ? error.message : String(error)}`, { ...where, cause: error })
  }
  if (module.default === undefined) throw new PluginLoadError(pluginId, 'has no default export (export default definePlugin({...}))', where)
  const packageJsonPath = url.startsWith('file:') ? findPackageJson(url) : undefined
  let manifest: PluginPackageInfo | undefined
  try {
    manifest = packageJsonPath === undefined ? undefined : readPluginManifest(packageJsonPath)
  } catch (error) {
    throw new PluginLoadError(pluginId, `malformed "cimkit" key in ${packageJsonPath}`, { ...where, cause: error })
  }
  return { id: pluginId, url, plugin: checkPlugin(module.default, pluginId, manifest, configPath), manifest }
}
