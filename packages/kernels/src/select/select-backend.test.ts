import { CimkitError, InvalidArgumentError } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { loadNativeAddon } from '../native/load-native-addon.js'
import { listBackends } from './backend-availability.js'
import { getBackendStatus, selectBackend } from './select-backend.js'

const nativeLoads = 'addon' in loadNativeAddon()
const noEnvironment = {}

describe('selectBackend', () => {
  it('auto picks the fastest backend that loads: native, else wasm-simd', () => {
    const expected = nativeLoads ? /^native-/ : /^wasm-simd$/
    expect(selectBackend('auto', noEnvironment).name).toMatch(expected)
    expect(getBackendStatus('auto', noEnvironment)).toMatchObject({ requested: 'auto', source: 'auto', active: nativeLoads ? 'native' : 'wasm-simd' })
  })

  it('the config value chooses a backend, and CIMKIT_BACKEND overrides the config', () => {
    expect(selectBackend('reference', noEnvironment).name).toBe('reference')
    expect(selectBackend('reference', { CIMKIT_BACKEND: 'wasm-simd' }).name).toBe('wasm-simd')
    expect(selectBackend('wasm-simd', { CIMKIT_BACKEND: '' }).name).toBe('wasm-simd')
    expect(getBackendStatus('reference', { CIMKIT_BACKEND: 'wasm-simd' })).toMatchObject({ requested: 'wasm-simd', source: 'environment', active: 'wasm-simd' })
    expect(getBackendStatus('reference', noEnvironment)).toMatchObject({ source: 'config', active: 'reference' })
    expect(getBackendStatus('reference', { CIMKIT_BACKEND: 'auto' })).toMatchObject({ requested: 'auto', source: 'environment' })
  })

  it('returns one shared instance per backend (the WebAssembly module is compiled once)', () => {
    expect(selectBackend('wasm-simd', noEnvironment)).toBe(selectBackend('wasm-simd', noEnvironment))
  })

  it('names the valid choices for an unknown backend', () => {
    expect(() => selectBackend('gpu', noEnvironment)).toThrow(InvalidArgumentError)
    expect(() => selectBackend('auto', { CIMKIT_BACKEND: 'gpu' })).toThrow(/available: auto, native, wasm-simd, reference/)
    expect(getBackendStatus('gpu', noEnvironment)).toMatchObject({ active: null, problem: expect.stringMatching(/unknown backend "gpu"/) })
  })
})

describe('listBackends', () => {
  it('lists every backend, fastest first, with the reference always available', () => {
    const backends = listBackends()
    expect(backends.map((entry) => entry.name)).toEqual(['native', 'wasm-simd', 'reference'])
    expect(backends[2]).toEqual({ name: 'reference', available: true, detail: 'reference' })
    expect(backends[1]).toEqual({ name: 'wasm-simd', available: true, detail: 'wasm-simd' })
    expect(backends[0]!.available).toBe(nativeLoads)
    if (!nativeLoads) expect(() => selectBackend('native', noEnvironment)).toThrow(CimkitError)
  })
})
