import { dirname, resolve } from 'node:path'
import type { BaseConfig, CimkitPluginV1, ComponentKind, ComponentKindsV1, Logger, PluginPackageInfo, ResolvedConfig, ResolvedSection, RunContainer } from '@cimkit/core'
import { createRunContainer, loadPlugin, resolveConfig, Tokens, validateBaseConfig } from '@cimkit/core'
import { readConfigFile } from '../config/read-config-file.js'
import { builtInPluginsWithManifests } from '../plugins/built-in-plugins.js'

/** A config read, validated in both phases, with its run container. Dispose `run` when done. @since 0.1.0 */
export interface ComposedRun {
  readonly configPath: string
  readonly configDirectory: string
  readonly config: ResolvedConfig
  readonly run: RunContainer
  /** Plugins in registration order, with where they came from. */
  readonly plugins: readonly { readonly name: string; readonly version: string; readonly source: 'built-in' | string }[]
}

/** Reads and phase-1-validates a config file, applying a seed override. @since 0.1.0 */
export function readBaseConfig(configPath: string, seedOverride?: number): BaseConfig {
  return validateWithSeed(readConfigFile(configPath), configPath, seedOverride)
}

function validateWithSeed(raw: unknown, source: string, seedOverride: number | undefined): BaseConfig {
  const base = validateBaseConfig(raw, source)
  return seedOverride === undefined ? base : { ...base, run: { ...base.run, seed: seedOverride } }
}

/**
 * The front half of every run (DESIGN.md "A run"): read, validate the base schema, load the listed
 * plugins from the config's directory, register everything into a fresh child container, then
 * validate against every plugin's option schema. On any failure the container is disposed and the
 * error names the key path or the plugin.
 * @since 0.1.0
 */
export async function composeRun(configPath: string, options: { seed?: number; logger?: Logger } = {}): Promise<ComposedRun> {
  return composeRunFromData(readConfigFile(resolve(configPath)), configPath, options)
}

/**
 * `composeRun` for a config already in memory (a sweep point): `configPath` locates it, so plugin
 * paths and file options resolve from that directory, and names it in errors.
 * @since 0.1.0
 */
export async function composeRunFromData(raw: unknown, configPath: string, options: { seed?: number; logger?: Logger } = {}): Promise<ComposedRun> {
  const absolutePath = resolve(configPath)
  const base = validateWithSeed(raw, absolutePath, options.seed)
  const external: { plugin: CimkitPluginV1; manifest: PluginPackageInfo | undefined; source: string }[] = []
  for (const id of base.plugins) {
    const loaded = await loadPlugin(id, absolutePath)
    external.push({ plugin: loaded.plugin, manifest: loaded.manifest, source: id })
  }
  const builtIn = builtInPluginsWithManifests().map((entry) => ({ ...entry, source: 'built-in' }))
  const all = [...builtIn, ...external]
  const run = await createRunContainer({ plugins: all, seed: base.run.seed, ...(options.logger === undefined ? {} : { logger: options.logger }) })
  try {
    const config = await resolveConfig(base, run.registry, absolutePath)
    return {
      configPath: absolutePath,
      configDirectory: dirname(absolutePath),
      config,
      run,
      plugins: all.map(({ plugin, source }) => ({ name: plugin.meta.name, version: plugin.meta.version, source })),
    }
  } catch (error) {
    await run.dispose()
    throw error
  }
}

/**
 * Builds a registered component from validated options, with its own random stream derived from
 * the run seed and `streamLabel` (its config path), so adding a section never shifts another's draws.
 * @since 0.1.0
 */
export function createComponent<K extends ComponentKind>(composed: ComposedRun, kind: K, type: string, options: unknown, streamLabel: string): ComponentKindsV1[K] {
  const entry = composed.run.registry.get(kind, type)
  const random = composed.run.container.resolve(Tokens.RandomSource).stream('component', streamLabel)
  return entry.registration.create(options, { random, container: composed.run.container, configDirectory: composed.configDirectory })
}

/** Builds the component a resolved config section names. @since 0.1.0 */
export function createSectionComponent<K extends ComponentKind>(composed: ComposedRun, section: ResolvedSection & { kind: K }, streamLabel: string): ComponentKindsV1[K] {
  return createComponent(composed, section.kind, section.type, section.options, streamLabel)
}
