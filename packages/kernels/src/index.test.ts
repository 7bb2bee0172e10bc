import { fileURLToPath } from 'node:url'
import { createRunContainer, readPluginManifest } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { loadNativeAddon } from './native/load-native-addon.js'
import plugin, { createKernelsPlugin } from './index.js'

const manifest = readPluginManifest(fileURLToPath(new URL('../package.json', import.meta.url)))

describe('@cimkit/kernels plugin', () => {
  it('registers exactly the backend types its package.json declares (the loader checks this)', async () => {
    const run = await createRunContainer({ plugins: [{ plugin, manifest }], seed: 1 })
    try {
      // createRunContainer itself throws when registrations and manifest differ
      expect(run.registry.types('backend')).toEqual(['native', 'reference', 'wasm-simd'])
      expect([...(manifest?.manifest.provides ?? [])].sort()).toEqual(['native', 'reference', 'wasm-simd'])
    } finally {
      await run.dispose()
    }
  })

  it('creates each backend through its registration; native options are validated', async () => {
    const run = await createRunContainer({ plugins: [{ plugin: createKernelsPlugin() }], seed: 1 })
    try {
      const context = { random: undefined as never, container: run.container, configDirectory: '.' }
      expect(run.registry.get('backend', 'reference').registration.create({}, context).name).toBe('reference')
      expect(run.registry.get('backend', 'wasm-simd').registration.create({}, context).name).toBe('wasm-simd')
      const native = run.registry.get('backend', 'native').registration
      if ('addon' in loadNativeAddon()) expect(native.create({ isa: 'scalar', threads: 1 }, context).name).toBe('native-scalar')
      else expect(() => native.create({}, context)).toThrow(/not available/)
    } finally {
      await run.dispose()
    }
  })
})
