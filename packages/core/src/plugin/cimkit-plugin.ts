import type { Registrar } from '../registry/registrar.js'
import type { PresetV1 } from './preset.js'

/** Identity of a plugin; must match its package.json. @since 0.1.0 */
export interface PluginMetaV1 {
  readonly name: string
  readonly version: string
}

/**
 * A cimkit plugin: the default export of a plugin package (ESLint-style object).
 * @since 0.1.0
 */
export interface CimkitPluginV1 {
  readonly meta: PluginMetaV1
  /** The spec version the plugin was written against. */
  readonly specificationVersion: 'v1'
  /** Adds the plugin's components; the only way a plugin touches the host. */
  register(registrar: Registrar): void
  /** Named presets, looked up by a config section's `preset` key. */
  readonly presets?: Readonly<Record<string, PresetV1>>
}

/**
 * Identity function that types a plugin object.
 * @example export default definePlugin({ meta: { name: 'cimkit-plugin-x', version: '1.0.0' }, specificationVersion: 'v1', register() {} })
 * @since 0.1.0
 */
export function definePlugin(plugin: CimkitPluginV1): CimkitPluginV1 {
  return plugin
}
