import { createRandomSource, createRunContainer, readPluginManifest, standardValidate } from '@cimkit/core'
import { checkOptionsSchema } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import plugin, { createReliabilityPlugin } from './index.js'
import { VERSION } from './version.js'

const packageJsonPath = new URL('../package.json', import.meta.url).pathname
const TYPES = ['alternating-polarity', 'drift-compensation', 'ecc', 'fault-aware-remap', 'noise-injection-training', 'refresh', 'spare-columns', 'weight-bit-errors', 'write-verify']

/** Options each type is built from in the registry test (refresh has no default policy). */
const VALID_OPTIONS: Record<string, unknown> = { refresh: { policy: 'periodic', intervalS: 86400 }, 'weight-bit-errors': { rate: 0.01 }, 'write-verify': { maxIterations: [15, 30, 15, 10] } }

describe('@cimkit/reliability plugin', () => {
  it('registers exactly the types its package.json manifest declares (the loader’s check)', async () => {
    const manifest = readPluginManifest(packageJsonPath)
    expect(manifest?.manifest.provides.slice().sort()).toEqual(TYPES)
    const run = await createRunContainer({ plugins: [{ plugin, manifest }], seed: 1 })
    try {
      expect(run.registry.types('reliability')).toEqual(TYPES)
    } finally {
      await run.dispose()
    }
    expect(plugin.meta).toEqual({ name: '@cimkit/reliability', version: VERSION })
    expect(createReliabilityPlugin().specificationVersion).toBe('v1')
  })

  it('builds every registered type from validated options, and its type and JSON round-trip', async () => {
    const run = await createRunContainer({ plugins: [{ plugin }], seed: 1 })
    try {
      const context = { random: createRandomSource(1), container: run.container, configDirectory: '.' }
      for (const type of TYPES) {
        const { registration } = run.registry.get('reliability', type)
        const validated = await standardValidate(registration.optionsSchema, VALID_OPTIONS[type] ?? {}, [])
        expect(validated.ok, type).toBe(true)
        if (!validated.ok) continue
        const technique = registration.create(validated.value, context)
        expect(technique.type).toBe(type)
        expect(technique.specificationVersion).toBe('v1')
        expect(JSON.parse(JSON.stringify(technique.toJSON())).type).toBe(type)
        // Spec `statistics()` (0.2.0): every technique reports flat finite numbers, zero-based before any work.
        const statistics = technique.statistics?.() ?? {}
        expect(Object.keys(statistics).length, type).toBeGreaterThan(0)
        for (const [name, value] of Object.entries(statistics)) expect(Number.isFinite(value), `${type}.${name}`).toBe(true)
      }
    } finally {
      await run.dispose()
    }
  })

  it('option schemas reject wrong keys and values at their paths', async () => {
    const run = await createRunContainer({ plugins: [{ plugin }], seed: 1 })
    try {
      const registration = (type: string) => run.registry.get('reliability', type).registration
      await checkOptionsSchema(registration('write-verify'), { maxIterations: 15 }, [
        { options: { maxIterations: 0 }, path: 'maxIterations' },
        { options: { tolerance: 0.1 }, path: '' },
        { options: { toleranceFraction: 2 }, path: 'toleranceFraction' },
      ])
      await checkOptionsSchema(registration('ecc'), { code: 'sec', dataBits: 64 }, [{ options: { code: 'bch' }, path: 'code' }])
      await checkOptionsSchema(registration('weight-bit-errors'), { rate: 1e-2, storage: 'complementary-pair' }, [
        { options: { rate: 2 }, path: 'rate' },
        { options: {}, path: 'rate' },
        { options: { rate: 0.1, storage: 'pair' }, path: 'storage' },
      ])
      await checkOptionsSchema(registration('refresh'), { policy: 'drift-threshold', minRetainedFraction: 0.9, meanDriftExponent: 0.06 }, [
        { options: { policy: 'periodic' }, path: 'intervalS' },
        { options: { policy: 'periodic', intervalS: 1, extra: 1 }, path: '' },
      ])
      await checkOptionsSchema(registration('drift-compensation'), { mode: 'per-column' }, [{ options: { mode: 'row' }, path: 'mode' }])
      await checkOptionsSchema(registration('noise-injection-training'), { clip: { kind: 'fixed', value: 1 } }, [{ options: { clip: { kind: 'fixed' } }, path: 'clip.value' }])
    } finally {
      await run.dispose()
    }
  })
})
