import { checkOptionsSchema } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import plugin, { createPumaPlugin } from './index.js'

describe('@cimkit/arch-puma plugin', () => {
  const added: { type: string; registration: unknown }[] = []
  createPumaPlugin().register({ architecture: (type: string, registration: unknown) => added.push({ type, registration }) } as never)

  it('registers exactly what package.json `cimkit.provides` lists', () => {
    expect(added.map((entry) => entry.type)).toEqual(packageJson.cimkit.provides)
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version })
  })

  it('validates options strictly, with errors at the key', async () => {
    await checkOptionsSchema(added[0]!.registration as never, { tiles: 16, mvmusPerCore: 4 }, [
      { options: { tile: 16 }, path: '' },
      { options: { rows: 0 }, path: 'rows' },
      { options: { weightBits: 8 }, path: 'weightBits' },
    ])
  })

  it('ships the puma preset with its source, naming the device and converters of contracts.md', () => {
    const preset = plugin.presets!['puma']!
    expect(preset.source).toMatch(/PUMA/)
    expect(preset.config).toMatchObject({
      architecture: { type: 'puma' },
      device: { type: 'rram', preset: 'puma-2bit' },
      peripherals: { dac: { type: 'bit-serial', bits: 16 }, adc: { type: 'sar', bits: 8 } },
    })
    const { type: _type, ...options } = preset.config['architecture'] as Record<string, unknown>
    expect(() => (added[0]!.registration as { optionsSchema: { parse: (value: unknown) => unknown } }).optionsSchema.parse(options)).not.toThrow()
  })
})
