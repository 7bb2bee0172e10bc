import { DuplicateRegistrationError } from '../errors/duplicate-registration-error.js'
import { NoSuchComponentError } from '../errors/no-such-component-error.js'
import type { CimkitPluginV1 } from '../plugin/cimkit-plugin.js'
import type { PresetV1 } from '../plugin/preset.js'
import type { ComponentKind, ComponentKindsV1 } from '../spec/component-kinds.js'
import type { ComponentRegistrationV1 } from './component-registration.js'

/** A registration with its provenance. @since 0.1.0 */
export interface RegisteredComponent<K extends ComponentKind> {
  readonly kind: K
  readonly type: string
  readonly registration: ComponentRegistrationV1<ComponentKindsV1[K]>
  /** Name of the plugin that registered it. */
  readonly plugin: string
  readonly pluginVersion: string
}

/**
 * Every component registered for one run, keyed `${kind}:${type}`. A duplicate key throws
 * (STYLE.md R11); a lookup of an unknown type throws `NoSuchComponentError` listing the others.
 * @since 0.1.0
 */
export class ComponentRegistry {
  private readonly entries = new Map<string, RegisteredComponent<ComponentKind>>()
  private readonly plugins: CimkitPluginV1[] = []

  add<K extends ComponentKind>(entry: RegisteredComponent<K>): void {
    const key = `${entry.kind}:${entry.type}`
    const existing = this.entries.get(key)
    if (existing !== undefined) throw new DuplicateRegistrationError(key, existing.plugin, entry.plugin)
    this.entries.set(key, entry as unknown as RegisteredComponent<ComponentKind>)
  }

  addPlugin(plugin: CimkitPluginV1): void {
    this.plugins.push(plugin)
  }

  has(kind: ComponentKind, type: string): boolean {
    return this.entries.has(`${kind}:${type}`)
  }

  get<K extends ComponentKind>(kind: K, type: string): RegisteredComponent<K> {
    const entry = this.entries.get(`${kind}:${type}`)
    if (entry === undefined) throw new NoSuchComponentError(kind, type, this.types(kind))
    return entry as unknown as RegisteredComponent<K>
  }

  /** Registered types of one kind, sorted. */
  types(kind: ComponentKind): string[] {
    return [...this.entries.values()].filter((entry) => entry.kind === kind).map((entry) => entry.type).sort()
  }

  list(): RegisteredComponent<ComponentKind>[] {
    return [...this.entries.values()]
  }

  /** Loaded plugins, in registration order. */
  listPlugins(): readonly CimkitPluginV1[] {
    return this.plugins
  }

  /** The preset `name` of the plugin that registered `kind:type`, if it has one. */
  findPreset(kind: ComponentKind, type: string, name: string): PresetV1 | undefined {
    const entry = this.entries.get(`${kind}:${type}`)
    if (entry === undefined) return undefined
    const plugin = this.plugins.find((candidate) => candidate.meta.name === entry.plugin)
    return plugin?.presets?.[name]
  }

  /** Names of the presets the plugin behind `kind:type` offers. */
  presetNames(kind: ComponentKind, type: string): string[] {
    const entry = this.entries.get(`${kind}:${type}`)
    const plugin = this.plugins.find((candidate) => candidate.meta.name === entry?.plugin)
    return Object.keys(plugin?.presets ?? {}).sort()
  }
}
