import { createRandomSource, createRunContainer, readPluginManifest, standardValidate } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import plugin, { createPeripheralsPlugin } from './index.js'
import { VERSION } from './version.js'

const packageJsonPath = new URL('../package.json', import.meta.url).pathname

describe('@cimkit/peripherals plugin', () => {
  it('registers exactly the types its package.json manifest declares (the loader’s check)', async () => {
    const manifest = readPluginManifest(packageJsonPath)
    expect(manifest).toBeDefined()
    const run = await createRunContainer({ plugins: [{ plugin, manifest }], seed: 1 })
    try {
      expect(run.registry.types('inputEncoder')).toEqual(['bit-serial', 'dac', 'pwm', 'spike'])
      expect(run.registry.types('outputConverter')).toEqual(['flash', 'integrate-fire', 'pcsa', 'pcsa-xnor', 'pipelined', 'ramp', 'sa-flash', 'sar', 'voltage-sa'])
    } finally {
      await run.dispose()
    }
    expect(plugin.meta).toEqual({ name: '@cimkit/peripherals', version: VERSION })
    expect(createPeripheralsPlugin().specificationVersion).toBe('v1')
  })

  it('builds every registered type from validated default options', async () => {
    const run = await createRunContainer({ plugins: [{ plugin }], seed: 1 })
    try {
      const context = { random: createRandomSource(1), container: run.container, configDirectory: '.' }
      for (const type of run.registry.types('inputEncoder')) {
        const { registration } = run.registry.get('inputEncoder', type)
        const validated = await standardValidate(registration.optionsSchema, {}, [])
        expect(validated.ok, type).toBe(true)
        if (!validated.ok) continue
        const encoder = registration.create(validated.value, context)
        expect(encoder.type).toBe(type)
        expect(encoder.encode(new Float32Array([0.5])).cycles).toBe(encoder.cycles)
      }
      for (const type of run.registry.types('outputConverter')) {
        const { registration } = run.registry.get('outputConverter', type)
        const validated = await standardValidate(registration.optionsSchema, {}, [])
        expect(validated.ok, type).toBe(true)
        if (!validated.ok) continue
        const converter = registration.create(validated.value, context)
        expect(converter.type).toBe(type)
        expect(converter.cost.source.length).toBeGreaterThan(0)
      }
    } finally {
      await run.dispose()
    }
  })

  it('ISAAC design point through the registry: sar { bits 8, 1.28 GS/s, 32 nm } → 2 mW, 1200 µm²', async () => {
    const run = await createRunContainer({ plugins: [{ plugin }], seed: 1 })
    try {
      const { registration } = run.registry.get('outputConverter', 'sar')
      const validated = await standardValidate(registration.optionsSchema, { bits: 8, sampleRateHz: 1.28e9, technologyNodeNm: 32 }, [])
      if (!validated.ok) throw new Error('options rejected')
      const sar = registration.create(validated.value, { random: createRandomSource(1), container: run.container, configDirectory: '.' })
      expect(sar.cost.energyPerActionJ['convert']! / sar.cost.latencyPerActionS['convert']!).toBeCloseTo(2e-3, 12)
      expect(sar.cost.areaMm2 * 1e6).toBeCloseTo(1200, 6)
    } finally {
      await run.dispose()
    }
  })
})
