import { z } from 'zod'
import { COMPONENT_KINDS } from '../spec/component-kinds.js'

/**
 * The `cimkit` key of a plugin's package.json: what it provides, readable without importing code
 * (`cimkit plugins`), and checked against the runtime object by the loader.
 * @since 0.1.0
 */
export const pluginManifestSchema = z
  .object({
    specificationVersion: z.string(),
    kinds: z.array(z.enum(COMPONENT_KINDS as [string, ...string[]])),
    /** Types registered, e.g. `["rram"]`. */
    provides: z.array(z.string()),
  })
  .strict()

/** @since 0.1.0 */
export type PluginManifest = z.infer<typeof pluginManifestSchema>

/** A plugin package as listed by `cimkit plugins`. @since 0.1.0 */
export interface PluginPackageInfo {
  readonly name: string
  readonly version: string
  readonly manifest: PluginManifest
  /** package.json path it was read from. */
  readonly packageJsonPath: string
}
