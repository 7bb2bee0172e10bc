import { checkOptionsSchema } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import plugin, { createBnn2t2rPlugin } from './index.js'

describe('@cimkit/arch-bnn2t2r plugin', () => {
  const added: { type: string; registration: unknown }[] = []
  createBnn2t2rPlugin().register({ architecture: (type: string, registration: unknown) => added.push({ type, registration }) } as never)
  const registration = added[0]!.registration as { optionsSchema: { parse: (value: unknown) => unknown }; create: (options: unknown) => { type: string } }

  it('registers exactly what package.json `cimkit.provides` lists', () => {
    expect(added.map((entry) => entry.type)).toEqual(packageJson.cimkit.provides)
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version })
    expect(registration.create(registration.optionsSchema.parse({})).type).toBe('bnn2t2r')
  })

  it('validates options strictly', async () => {
    await checkOptionsSchema(added[0]!.registration as never, { mode: 'sequential-to-parallel', blockSize: 32 }, [
      { options: { mode: 'parallel' }, path: 'mode' },
      { options: { blocks: 32 }, path: '' },
      { options: { blockSize: 1 }, path: 'blockSize' },
      { options: { cell: '3t3r' }, path: 'cell' },
    ])
  })

  for (const name of ['bnn2t2r-130nm', 'bnn2t2r-advanced']) {
    it(`preset ${name} names the hfo2-2t2r device and the pcsa-xnor sense amplifier (contracts.md) with valid architecture options`, () => {
      const preset = plugin.presets![name]!
      expect(preset.source).toMatch(/Hirtzlin/)
      expect(preset.config).toMatchObject({ architecture: { type: 'bnn2t2r', blockSize: 32 }, device: { type: 'rram', preset: 'hfo2-2t2r' }, peripherals: { adc: { type: 'pcsa-xnor' } } })
      const { type: _type, ...options } = preset.config.architecture as Record<string, unknown>
      expect(() => registration.optionsSchema.parse(options)).not.toThrow()
    })
  }

  it('presets sit at the paper nodes: 130 nm with 10 ns reads (§2.2), 28 nm with the energy-optimised regime (§2.4, Table 1)', () => {
    expect(plugin.presets!['bnn2t2r-130nm']!.config).toMatchObject({ architecture: { technologyNodeNm: 130, cycleS: 10e-9 }, peripherals: { adc: { technologyNodeNm: 130 } } })
    expect(plugin.presets!['bnn2t2r-advanced']!.config).toMatchObject({
      architecture: { technologyNodeNm: 28, synapseEnergy: 'published' },
      device: { programmingConditions: { resetVoltageV: 2, pulseWidthS: 100e-9 }, cost: { technologyNodeNm: 28, readPulseS: 100e-12 } },
      peripherals: { adc: { technologyNodeNm: 28 } },
    })
  })
})
