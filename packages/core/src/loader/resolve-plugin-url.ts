import { existsSync } from 'node:fs'
import { dirname, isAbsolute, resolve as resolvePath } from 'node:path'
import { pathToFileURL } from 'node:url'
import { resolve as resolveModule } from 'import-meta-resolve'
import { PluginLoadError } from '../errors/plugin-load-error.js'

/**
 * Resolves a plugin id the way the config's author sees it (STYLE.md R4, R13): a path relative to
 * the config file's directory, or a package name resolved from that directory. A bare short name
 * `foo` is tried as `cimkit-plugin-foo` first.
 * @since 0.1.0
 */
export function resolvePluginUrl(pluginId: string, configPath: string | undefined): string {
  const baseDirectory = configPath === undefined ? process.cwd() : dirname(resolvePath(configPath))
  if (pluginId.startsWith('.') || isAbsolute(pluginId)) {
    const file = resolvePath(baseDirectory, pluginId)
    if (!existsSync(file)) {
      throw new PluginLoadError(pluginId, `no file at ${file}`, configPath === undefined ? {} : { configPath })
    }
    return pathToFileURL(file).href
  }
  const candidates = pluginId.startsWith('@') || pluginId.includes('/') || pluginId.startsWith('cimkit-plugin-') ? [pluginId] : [`cimkit-plugin-${pluginId}`, pluginId]
  const from = `${pathToFileURL(baseDirectory).href}/`
  let lastError: unknown
  for (const candidate of candidates) {
    try {
      return resolveModule(candidate, from)
    } catch (error) {
      lastError = error
    }
  }
  throw new PluginLoadError(pluginId, `cannot be resolved from ${baseDirectory} (tried ${candidates.join(', ')}); is it installed?`, {
    ...(configPath === undefined ? {} : { configPath }),
    cause: lastError,
  })
}
