import { container } from 'tsyringe'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ConfigValidationError } from '../errors/config-validation-error.js'
import { ComponentRegistry } from '../registry/component-registry.js'
import { Registrar } from '../registry/registrar.js'
import { composeConfigJsonSchema } from './compose-json-schema.js'
import { resolveConfig, validateBaseConfig } from './resolve-config.js'

function registryWithPlugins(): ComponentRegistry {
  const registry = new ComponentRegistry()
  const deviceSchema = z.strictObject({ gMinS: z.number().positive(), gMaxS: z.number().positive(), levels: z.int().min(2).default(4) })
  const plugin = {
    meta: { name: 'device-plugin', version: '1.2.3' },
    specificationVersion: 'v1' as const,
    register: () => {},
    presets: {
      'paper-cell': { description: 'a cell', source: 'Paper X, Table 1', config: { device: { type: 'rram', gMinS: 1e-6, gMaxS: 1e-4 } } },
    },
  }
  new Registrar(registry, container.createChildContainer(), plugin.meta).device('rram', { optionsSchema: deviceSchema, create: () => ({}) as never })
  registry.addPlugin(plugin)
  const architecturePlugin = {
    meta: { name: 'arch-plugin', version: '0.1.0' },
    specificationVersion: 'v1' as const,
    register: () => {},
    presets: {
      'chip-a': {
        description: 'chip',
        source: 'Paper Y',
        config: { architecture: { type: 'chip', tiles: 4 }, device: { type: 'rram', preset: 'paper-cell', levels: 8 } },
      },
    },
  }
  new Registrar(registry, container.createChildContainer(), architecturePlugin.meta).architecture('chip', {
    optionsSchema: z.strictObject({ tiles: z.int().positive() }),
    create: () => ({}) as never,
  })
  registry.addPlugin(architecturePlugin)
  return registry
}

async function validate(raw: unknown): Promise<unknown> {
  return resolveConfig(validateBaseConfig(raw, 'test.yaml'), registryWithPlugins(), 'test.yaml')
}

async function issuesOf(raw: unknown): Promise<string[]> {
  try {
    await validate(raw)
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw error
  }
  return []
}

describe('phase 1: the base schema', () => {
  it('names an unknown top-level key', async () => {
    expect(await issuesOf({ devcie: { type: 'rram' } })).toEqual([': unknown key "devcie"'])
  })

  it('names a wrong type at its path', async () => {
    const issues = await issuesOf({ run: { trials: 'five' } })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatch(/^run\.trials: /)
  })

  it('fills run defaults', () => {
    expect(validateBaseConfig({}).run).toEqual({ seed: 0, trials: 1, timeSinceProgrammingS: 1, backend: 'auto' })
  })

  it('formats the message with the source and key paths', () => {
    expect(() => validateBaseConfig({ run: { seed: -1 } }, 'my.yaml')).toThrow(/Invalid configuration in my\.yaml:\n {2}run\.seed: /)
  })
})

describe('phase 2: plugin option schemas and presets', () => {
  it('names the exact key of a bad plugin option', async () => {
    expect(await issuesOf({ device: { type: 'rram', gMinS: -1, gMaxS: 1e-4 } })).toEqual([expect.stringMatching(/^device\.gMinS: Too small/)])
  })

  it('names an unknown option key inside a section', async () => {
    expect(await issuesOf({ device: { type: 'rram', gMinS: 1e-6, gMaxS: 1e-4, gMid: 3 } })).toEqual([expect.stringMatching(/^device: Unrecognized key: "gMid"/)])
  })

  it('names an unknown component type with what is available', async () => {
    expect(await issuesOf({ device: { type: 'ferro' } })).toEqual(['device.type: unknown device type "ferro" (available: rram); is its plugin listed under "plugins"?'])
  })

  it('fills a section from its preset, the user keys winning', async () => {
    const resolved = (await validate({ device: { type: 'rram', preset: 'paper-cell', gMaxS: 2e-4 } })) as { device: { options: unknown; preset: string; plugin: string; pluginVersion: string } }
    expect(resolved.device).toMatchObject({ preset: 'paper-cell', plugin: 'device-plugin', pluginVersion: '1.2.3', options: { gMinS: 1e-6, gMaxS: 2e-4, levels: 4 } })
  })

  it('lets an architecture preset fill the device, whose own preset then applies', async () => {
    const resolved = (await validate({ architecture: { type: 'chip', preset: 'chip-a' } })) as { architecture: { options: unknown }; device: { options: unknown } }
    expect(resolved.architecture.options).toEqual({ tiles: 4 })
    expect(resolved.device.options).toEqual({ gMinS: 1e-6, gMaxS: 1e-4, levels: 8 })
  })

  it('lets the user override one key of a section a preset fills, without repeating its type', async () => {
    const resolved = (await validate({ architecture: { type: 'chip', preset: 'chip-a' }, device: { levels: 16 } })) as { device: { options: unknown } }
    expect(resolved.device.options).toEqual({ gMinS: 1e-6, gMaxS: 1e-4, levels: 16 })
  })

  it('requires the type of a section no preset fills', async () => {
    expect(await issuesOf({ device: { levels: 16 } })).toEqual([expect.stringMatching(/^device\.type: missing: name a registered device type \(available: rram\)/)])
  })

  it('drops a preset section whose type differs from the user\'s', async () => {
    expect(await issuesOf({ architecture: { type: 'chip', preset: 'chip-a' }, device: { type: 'ferro' } })).toEqual([expect.stringMatching(/^device\.type: unknown device type "ferro"/)])
  })

  it('names an unknown preset with the available ones', async () => {
    expect(await issuesOf({ device: { type: 'rram', preset: 'nope' } })).toContain('device.preset: unknown preset "nope" for device "rram" (available: paper-cell)')
  })

  it('rejects an unknown backend', async () => {
    expect(await issuesOf({ run: { backend: 'gpu' } })).toEqual([expect.stringMatching(/^run\.backend: unknown backend "gpu"/)])
  })
})

describe('composeConfigJsonSchema', () => {
  it('puts each registered type with its options and presets under its section', () => {
    const schema = composeConfigJsonSchema(registryWithPlugins()) as { properties: Record<string, { oneOf?: { properties: Record<string, unknown> }[] }> }
    const device = schema.properties.device!.oneOf![0]!
    expect(device.properties.type).toEqual({ const: 'rram' })
    expect(device.properties.preset).toEqual({ enum: ['paper-cell'] })
    expect(device.properties.gMinS).toMatchObject({ type: 'number' })
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema)
  })
})
