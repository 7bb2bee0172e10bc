import { ConfigValidationError } from '../errors/config-validation-error.js'
import type { ConfigIssue } from '../errors/config-validation-error.js'
import type { RegisteredComponent } from '../registry/component-registry.js'
import type { ComponentRegistry } from '../registry/component-registry.js'
import type { ComponentKind } from '../spec/component-kinds.js'
import { baseConfigSchema } from './base-config-schema.js'
import type { BaseConfig } from './base-config-schema.js'
import { configSections, getAtPath } from './config-sections.js'
import { mergeDefaults } from './merge-defaults.js'
import { standardValidate } from './standard-validate.js'

/** A component section after presets and validation. @since 0.1.0 */
export interface ResolvedSection {
  readonly kind: ComponentKind
  readonly type: string
  readonly preset?: string
  /** Options as the plugin's schema output them (defaults filled). */
  readonly options: unknown
  readonly plugin: string
  readonly pluginVersion: string
}

/** A fully validated config: what a run is built from and what its report records. @since 0.1.0 */
export interface ResolvedConfig {
  readonly plugins: readonly string[]
  readonly architecture?: ResolvedSection
  readonly device?: ResolvedSection
  readonly peripherals: { readonly dac?: ResolvedSection; readonly adc?: ResolvedSection }
  readonly reliability: readonly ResolvedSection[]
  readonly workload?: ResolvedSection
  readonly run: BaseConfig['run']
  readonly output?: BaseConfig['output']
}

/**
 * Phase 1: checks the base shape of a parsed config file. Throws `ConfigValidationError` naming
 * every bad key.
 * @since 0.1.0
 */
export function validateBaseConfig(raw: unknown, source?: string): BaseConfig {
  const result = baseConfigSchema.safeParse(raw)
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({
    path: issue.path as (string | number)[],
    message: issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}` : issue.message,
  }))
  throw new ConfigValidationError(issues, source === undefined ? undefined : { source })
}

function lookup(registry: ComponentRegistry, kind: ComponentKind, section: Record<string, unknown>, path: readonly (string | number)[], issues: ConfigIssue[]): RegisteredComponent<ComponentKind> | undefined {
  if (section.type === undefined) {
    issues.push({ path: [...path, 'type'], message: `missing: name a registered ${kind} type (available: ${registry.types(kind).join(', ') || 'none'}), or use a preset that fills this section` })
    return undefined
  }
  const type = String(section.type)
  if (!registry.has(kind, type)) {
    const available = registry.types(kind)
    issues.push({ path: [...path, 'type'], message: `unknown ${kind} type "${type}" (available: ${available.join(', ') || 'none'}); is its plugin listed under "plugins"?` })
    return undefined
  }
  return registry.get(kind, type)
}

/** Applies every section's preset under the user's keys, architecture first. */
function applyPresets(config: BaseConfig, registry: ComponentRegistry, issues: ConfigIssue[]): BaseConfig {
  let merged: BaseConfig = config
  for (const { path, kind } of configSections(config)) {
    const section = getAtPath(merged, path) as Record<string, unknown> | undefined
    if (section?.preset === undefined || section.type === undefined) continue
    if (lookup(registry, kind, section, path, [] as ConfigIssue[]) === undefined) continue // reported in phase 2
    const name = String(section.preset)
    const preset = registry.findPreset(kind, String(section.type), name)
    if (preset === undefined) {
      const available = registry.presetNames(kind, String(section.type))
      issues.push({ path: [...path, 'preset'], message: `unknown preset "${name}" for ${kind} "${String(section.type)}" (available: ${available.join(', ') || 'none'})` })
      continue
    }
    merged = mergeDefaults(preset.config, merged) as BaseConfig
  }
  return merged
}

/**
 * Phase 2 (STYLE.md R15): fills presets, then validates every component section against the
 * option schema its plugin registered. Throws one `ConfigValidationError` listing every issue,
 * each at its exact key path.
 * @since 0.1.0
 */
export async function resolveConfig(config: BaseConfig, registry: ComponentRegistry, source?: string): Promise<ResolvedConfig> {
  const issues: ConfigIssue[] = []
  const merged = applyPresets(config, registry, issues)
  const resolved: Record<string, unknown> = { plugins: merged.plugins, peripherals: {}, reliability: [], run: merged.run, output: merged.output }
  for (const { path, kind } of configSections(merged)) {
    const section = getAtPath(merged, path) as Record<string, unknown> | undefined
    if (section === undefined) continue
    const entry = lookup(registry, kind, section, path, issues)
    if (entry === undefined) continue
    const { type, preset, ...options } = section
    const validation = await standardValidate(entry.registration.optionsSchema, options, path)
    if (!validation.ok) {
      issues.push(...validation.issues)
      continue
    }
    const value: ResolvedSection = {
      kind,
      type: String(type),
      ...(preset === undefined ? {} : { preset: String(preset) }),
      options: validation.value,
      plugin: entry.plugin,
      pluginVersion: entry.pluginVersion,
    }
    if (path[0] === 'peripherals') (resolved.peripherals as Record<string, unknown>)[path[1] as string] = value
    else if (path[0] === 'reliability') (resolved.reliability as unknown[])[path[1] as number] = value
    else resolved[path[0] as string] = value
  }
  if (merged.run.backend !== 'auto' && !registry.has('backend', merged.run.backend)) {
    issues.push({ path: ['run', 'backend'], message: `unknown backend "${merged.run.backend}" (available: auto, ${registry.types('backend').join(', ')})` })
  }
  if (issues.length > 0) throw new ConfigValidationError(issues, source === undefined ? undefined : { source })
  return resolved as unknown as ResolvedConfig
}
