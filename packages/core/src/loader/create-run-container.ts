import type { DependencyContainer } from 'tsyringe'
import { container as rootContainer } from 'tsyringe'
import { silentLogger } from '../di/logger.js'
import type { Logger } from '../di/logger.js'
import { Tokens } from '../di/tokens.js'
import { PluginLoadError } from '../errors/plugin-load-error.js'
import type { CimkitPluginV1 } from '../plugin/cimkit-plugin.js'
import type { PluginPackageInfo } from '../plugin/plugin-manifest.js'
import { createRandomSource } from '../random/create-random-source.js'
import { ComponentRegistry } from '../registry/component-registry.js'
import { Registrar } from '../registry/registrar.js'

/** One run's DI scope: its container, registry and random source. Dispose it when the run ends. @since 0.1.0 */
export interface RunContainer {
  readonly container: DependencyContainer
  readonly registry: ComponentRegistry
  dispose(): Promise<void>
}

/** A plugin to register, with its manifest when it has one. @since 0.1.0 */
export interface PluginToRegister {
  readonly plugin: CimkitPluginV1
  readonly manifest?: PluginPackageInfo | undefined
}

/**
 * Creates a child container for one run (STYLE.md R21), registers the run's services and every
 * plugin into it, and checks each plugin registered exactly what its manifest declares. If a
 * plugin's `register` throws, the container is disposed and the error names the plugin.
 * @since 0.1.0
 */
export async function createRunContainer(options: { plugins: readonly PluginToRegister[]; seed: number; logger?: Logger }): Promise<RunContainer> {
  const container = rootContainer.createChildContainer()
  const registry = new ComponentRegistry()
  container.register(Tokens.ComponentRegistry, { useValue: registry })
  container.register(Tokens.RandomSource, { useValue: createRandomSource(options.seed) })
  container.register(Tokens.Logger, { useValue: options.logger ?? silentLogger })
  const dispose = async (): Promise<void> => {
    await container.dispose()
  }
  try {
    for (const { plugin, manifest } of options.plugins) {
      const before = new Set(registry.list().map((entry) => `${entry.kind}:${entry.type}`))
      try {
        plugin.register(new Registrar(registry, container, plugin.meta))
      } catch (error) {
        throw new PluginLoadError(plugin.meta.name, `register() threw: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
      }
      registry.addPlugin(plugin)
      if (manifest !== undefined) checkAgainstManifest(plugin, manifest, registry.list().filter((entry) => !before.has(`${entry.kind}:${entry.type}`)))
    }
  } catch (error) {
    await dispose()
    throw error
  }
  return { container, registry, dispose }
}

function checkAgainstManifest(plugin: CimkitPluginV1, manifest: PluginPackageInfo, added: readonly { kind: string; type: string }[]): void {
  const declared = new Set(manifest.manifest.provides)
  const undeclared = added.filter((entry) => !declared.has(entry.type) || !manifest.manifest.kinds.includes(entry.kind as never))
  if (undeclared.length > 0) {
    const list = undeclared.map((entry) => `${entry.kind}:${entry.type}`).join(', ')
    throw new PluginLoadError(plugin.meta.name, `registered ${list}, which its package.json "cimkit" manifest does not declare`)
  }
  const missing = [...declared].filter((type) => !added.some((entry) => entry.type === type))
  if (missing.length > 0) {
    throw new PluginLoadError(plugin.meta.name, `package.json "cimkit" manifest declares ${missing.join(', ')}, which register() did not register`)
  }
}
