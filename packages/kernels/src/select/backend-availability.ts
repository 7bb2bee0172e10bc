import type { ComputeBackendV1 } from '@cimkit/core'
import { createNativeBackend } from '../native/native-backend.js'
import { referenceBackend } from '../reference/reference-backend.js'
import { createWasmBackend } from '../wasm/wasm-backend.js'

/** Names of the backends this package registers, fastest first. @since 0.1.0 */
export const backendNames = ['native', 'wasm-simd', 'reference'] as const

/** @since 0.1.0 */
export type BackendName = (typeof backendNames)[number]

/** Whether one backend can run here, and if not, why. @since 0.1.0 */
export interface BackendAvailability {
  readonly name: BackendName
  readonly available: boolean
  /** The instance's name when available (e.g. `native-avx2`), else why it cannot load. */
  readonly detail: string
}

const cache = new Map<BackendName, { readonly backend: ComputeBackendV1 } | { readonly error: Error }>()

/**
 * Creates (once per process) the default instance of a backend, or returns why it cannot load.
 * Loading is synchronous: the WebAssembly module is compiled from bytes, the addon `require`d.
 * @since 0.1.0
 */
export function tryLoadBackend(name: BackendName): { readonly backend: ComputeBackendV1 } | { readonly error: Error } {
  let entry = cache.get(name)
  if (entry === undefined) {
    try {
      entry = { backend: name === 'native' ? createNativeBackend() : name === 'wasm-simd' ? createWasmBackend() : referenceBackend }
    } catch (error) {
      entry = { error: error instanceof Error ? error : new Error(String(error)) }
    }
    cache.set(name, entry)
  }
  return entry
}

/**
 * Which backends load on this machine (for `cimkit doctor`), fastest first.
 * @example listBackends().map((entry) => entry.name) // returns ['native', 'wasm-simd', 'reference']
 * @since 0.1.0
 */
export function listBackends(): readonly BackendAvailability[] {
  return backendNames.map((name) => {
    const loaded = tryLoadBackend(name)
    return 'backend' in loaded ? { name, available: true, detail: loaded.backend.name } : { name, available: false, detail: loaded.error.message }
  })
}
