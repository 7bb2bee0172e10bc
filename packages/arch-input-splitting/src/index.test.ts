import { checkOptionsSchema } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import plugin, { createInputSplittingPlugin, inputSplittingOptionsSchema } from './index.js'

describe('@cimkit/arch-input-splitting plugin', () => {
  const added: { type: string; registration: unknown }[] = []
  const record = (type: string, registration: unknown) => added.push({ type, registration })
  createInputSplittingPlugin().register({ architecture: record, workload: record } as never)

  it('registers exactly what package.json `cimkit.provides` lists', () => {
    expect(added.map((entry) => entry.type)).toEqual(packageJson.cimkit.provides)
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version })
  })

  it('validates options strictly', async () => {
    await checkOptionsSchema(added[0]!.registration as never, { design: 'xnor-macro', scheme: 'conventional', supplyV: 1.2 }, [
      { options: { design: 'xnor-macro', scheme: 'adc' }, path: 'scheme' },
      { options: { design: 'xnor-macro', supply: 1 }, path: '' },
      { options: { design: 'multilevel', rows: 0 }, path: 'rows' },
    ])
  })

  it('validates the vgg-like-cifar10 workload options strictly', async () => {
    const workload = added.find((entry) => entry.type === 'vgg-like-cifar10')!
    await checkOptionsSchema(workload.registration as never, { multiplesOf7: true }, [
      { options: { multiplesOf7: 'yes' }, path: 'multiplesOf7' },
      { options: { model: 'vgg' }, path: '' },
    ])
  })

  it('every preset names a device preset and a converter (contracts.md) and its architecture options parse', () => {
    for (const [name, preset] of Object.entries(plugin.presets!)) {
      expect(preset.source, name).toMatch(/paper 002/)
      const config = preset.config as { architecture: Record<string, unknown>; device: { preset: string }; peripherals: { adc: { type: string } } }
      expect(config.device.preset, name).toMatch(/^winbond-/)
      expect(['sa-flash', 'voltage-sa', 'flash']).toContain(config.peripherals.adc.type)
      const { type, ...options } = config.architecture
      expect(type).toBe('input-splitting')
      expect(() => inputSplittingOptionsSchema.parse(options), name).not.toThrow()
    }
  })
})
