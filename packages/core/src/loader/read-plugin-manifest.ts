import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pluginManifestSchema } from '../plugin/plugin-manifest.js'
import type { PluginPackageInfo } from '../plugin/plugin-manifest.js'

/** Nearest package.json at or above a module file. */
export function findPackageJson(moduleUrl: string): string | undefined {
  let directory = dirname(fileURLToPath(moduleUrl))
  for (;;) {
    const candidate = join(directory, 'package.json')
    if (existsSync(candidate)) return candidate
    const parent = dirname(directory)
    if (parent === directory) return undefined
    directory = parent
  }
}

/**
 * Reads a plugin package's `cimkit` manifest from its package.json, without importing its code.
 * Returns undefined when the package.json has no `cimkit` key; throws on a malformed one.
 * @since 0.1.0
 */
export function readPluginManifest(packageJsonPath: string): PluginPackageInfo | undefined {
  const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { name?: string; version?: string; cimkit?: unknown }
  if (packageJson.cimkit === undefined) return undefined
  const manifest = pluginManifestSchema.parse(packageJson.cimkit)
  return { name: String(packageJson.name), version: String(packageJson.version), manifest, packageJsonPath }
}
