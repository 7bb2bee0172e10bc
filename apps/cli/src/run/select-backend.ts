import type { ComputeBackendV1 } from '@cimkit/core'
import { CimkitError } from '@cimkit/core'
import type { ComposedRun } from './compose-run.js'
import { createComponent } from './compose-run.js'

/** Preference order for `backend: auto`: fastest first. Unknown third-party backends come last. */
const preference = ['native', 'wasm-simd', 'reference']

/** Which backends load on this machine, and which one a run uses. @since 0.1.0 */
export interface BackendSelection {
  readonly active: ComputeBackendV1
  /** How the choice was made: the environment variable, the config, or auto. */
  readonly reason: 'env' | 'config' | 'auto'
  readonly available: readonly { readonly type: string; readonly ok: boolean; readonly error?: string }[]
}

/**
 * Chooses the compute backend: `CIMKIT_BACKEND` overrides `run.backend`, which overrides `auto`
 * (the first of native, wasm-simd, reference that loads).
 * @since 0.1.0
 */
export function selectBackend(composed: ComposedRun): BackendSelection {
  const registry = composed.run.registry
  const types = registry.types('backend').sort((a, b) => rank(a) - rank(b))
  const loaded = new Map<string, ComputeBackendV1>()
  const available = types.map((type) => {
    try {
      const backend = createComponent(composed, 'backend', type, {}, `backend:${type}`)
      loaded.set(type, backend)
      return { type, ok: true }
    } catch (error) {
      return { type, ok: false, error: error instanceof Error ? error.message : String(error) }
    }
  })
  const fromEnv = process.env.CIMKIT_BACKEND
  const requested = fromEnv !== undefined && fromEnv !== '' && fromEnv !== 'auto' ? fromEnv : composed.config.run.backend
  const reason = fromEnv !== undefined && fromEnv !== '' && fromEnv !== 'auto' ? 'env' : requested === 'auto' ? 'auto' : 'config'
  if (requested !== 'auto') {
    const backend = loaded.get(requested)
    if (backend === undefined) {
      const detail = available.find((entry) => entry.type === requested)?.error ?? `not registered (available: ${types.join(', ')})`
      throw new CimkitError(`Backend "${requested}" (from ${reason === 'env' ? 'CIMKIT_BACKEND' : 'run.backend'}) is not available: ${detail}`)
    }
    return { active: backend, reason, available }
  }
  const first = types.find((type) => loaded.has(type))
  if (first === undefined) throw new CimkitError('No compute backend loads on this machine')
  return { active: loaded.get(first)!, reason, available }
}

function rank(type: string): number {
  const index = preference.indexOf(type)
  return index === -1 ? preference.length : index
}
