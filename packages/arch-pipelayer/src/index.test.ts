import { checkOptionsSchema } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import plugin, { createPipeLayerPlugin } from './index.js'

describe('@cimkit/arch-pipelayer plugin', () => {
  const added: { type: string; registration: unknown }[] = []
  createPipeLayerPlugin().register({ architecture: (type: string, registration: unknown) => added.push({ type, registration }) } as never)

  it('registers exactly what package.json `cimkit.provides` lists', () => {
    expect(added.map((entry) => entry.type)).toEqual(packageJson.cimkit.provides)
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version })
  })

  it('validates options strictly', async () => {
    await checkOptionsSchema(added[0]!.registration as never, { mode: 'training', batchSize: 32 }, [
      { options: { mode: 'learning' }, path: 'mode' },
      { options: { batch: 32 }, path: '' },
      { options: { bitsPerCell: 0 }, path: 'bitsPerCell' },
    ])
  })

  it('ships the pipelayer preset with spike inputs and integrate-and-fire outputs (contracts.md)', () => {
    const preset = plugin.presets!.pipelayer!
    expect(preset.source).toMatch(/PipeLayer/)
    expect(preset.config).toMatchObject({ architecture: { type: 'pipelayer', bitsPerCell: 4 }, peripherals: { dac: { type: 'spike' }, adc: { type: 'integrate-fire' } } })
    const { type: _type, ...options } = preset.config.architecture as Record<string, unknown>
    expect(() => (added[0]!.registration as { optionsSchema: { parse: (value: unknown) => unknown } }).optionsSchema.parse(options)).not.toThrow()
  })
})
