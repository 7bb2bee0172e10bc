import { checkOptionsSchema } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import plugin, { createIsaacPlugin } from './index.js'

describe('@cimkit/arch-isaac plugin', () => {
  const added: { type: string; registration: unknown }[] = []
  createIsaacPlugin().register({ architecture: (type: string, registration: unknown) => added.push({ type, registration }) } as never)

  it('registers exactly what package.json `cimkit.provides` lists', () => {
    expect(added.map((entry) => entry.type)).toEqual(packageJson.cimkit.provides)
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version })
  })

  it('validates options strictly, with errors at the key', async () => {
    await checkOptionsSchema(added[0]!.registration as never, { tiles: 84, columnsPerAdc: 64 }, [
      { options: { tile: 84 }, path: '' },
      { options: { rows: 0 }, path: 'rows' },
      { options: { flippedColumnFraction: 2 }, path: 'flippedColumnFraction' },
    ])
  })

  it('ships the isaac-ce preset with its source, naming the device and converters of contracts.md', () => {
    const preset = plugin.presets!['isaac-ce']!
    expect(preset.source).toMatch(/ISAAC/)
    expect(preset.config).toMatchObject({
      architecture: { type: 'isaac' },
      device: { type: 'rram', preset: 'isaac-2bit' },
      peripherals: { dac: { type: 'bit-serial', bits: 16 }, adc: { type: 'sar', bits: 8, sampleRateHz: 1.28e9, technologyNodeNm: 32 } },
    })
    const { type: _type, ...options } = preset.config.architecture as Record<string, unknown>
    expect(() => (added[0]!.registration as { optionsSchema: { parse: (value: unknown) => unknown } }).optionsSchema.parse(options)).not.toThrow()
  })
})
