import { z } from 'zod'
import type { ComponentRegistry } from '../registry/component-registry.js'
import type { ComponentKind } from '../spec/component-kinds.js'
import { baseConfigSchema } from './base-config-schema.js'

type JsonSchema = Record<string, unknown>

function optionsJsonSchema(schema: unknown): JsonSchema {
  const vendor = (schema as { '~standard'?: { vendor?: string } })['~standard']?.vendor
  if (vendor === 'zod') {
    try {
      const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema
      delete json.$schema
      // A preset may supply required keys, so an editor must not demand them.
      delete json.required
      return json
    } catch {
      // fall through: some zod types (transforms) have no JSON form
    }
  }
  return { type: 'object', additionalProperties: true, description: 'Options validated by the plugin at run time' }
}

function sectionSchema(registry: ComponentRegistry, kind: ComponentKind): JsonSchema {
  const variants = registry.types(kind).map((type) => {
    const entry = registry.get(kind, type)
    const options = optionsJsonSchema(entry.registration.optionsSchema)
    const properties = (options.properties as JsonSchema | undefined) ?? {}
    const presets = registry.presetNames(kind, type)
    return {
      ...options,
      type: 'object',
      ...(entry.registration.description === undefined ? {} : { description: `${entry.registration.description} (${entry.plugin})` }),
      properties: { type: { const: type }, preset: presets.length > 0 ? { enum: presets } : { type: 'string' }, ...properties },
      required: ['type'],
    }
  })
  return variants.length === 0 ? { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] } : { oneOf: variants }
}

/**
 * The JSON Schema of a config for the plugins registered: the base schema with each component
 * section replaced by a `oneOf` over the registered types and their option schemas.
 * @since 0.1.0
 */
export function composeConfigJsonSchema(registry: ComponentRegistry): JsonSchema {
  const base = z.toJSONSchema(baseConfigSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  const properties = base.properties as Record<string, JsonSchema>
  properties.architecture = sectionSchema(registry, 'architecture')
  properties.device = sectionSchema(registry, 'device')
  properties.workload = sectionSchema(registry, 'workload')
  properties.reliability = { type: 'array', items: sectionSchema(registry, 'reliability') }
  properties.peripherals = {
    type: 'object',
    additionalProperties: false,
    properties: { dac: sectionSchema(registry, 'inputEncoder'), adc: sectionSchema(registry, 'outputConverter') },
  }
  return { ...base, title: 'cimkit configuration', $id: 'https://cimkit.dev/cimkit.schema.json' }
}
