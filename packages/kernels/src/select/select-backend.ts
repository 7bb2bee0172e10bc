import type { ComputeBackendV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { BackendUnavailableError } from '../errors.js'
import { backendNames, listBackends, tryLoadBackend } from './backend-availability.js'
import type { BackendAvailability, BackendName } from './backend-availability.js'

/** The environment variable that overrides the configured backend. @since 0.1.0 */
export const backendEnvironmentVariable = 'CIMKIT_BACKEND'

/** What `selectBackend` would pick and why, plus every backend's availability. @since 0.1.0 */
export interface BackendStatus {
  /** The name asked for (`auto` or a backend name), after the environment override. */
  readonly requested: string
  /** Where the request came from: `CIMKIT_BACKEND`, the config's `run.backend`, or neither (auto). */
  readonly source: 'environment' | 'config' | 'auto'
  /** The backend a run gets (`selectBackend` with the same arguments), or null if it would throw. */
  readonly active: BackendName | null
  /** Why `active` is null. */
  readonly problem?: string
  readonly backends: readonly BackendAvailability[]
}

function isBackendName(value: string): value is BackendName {
  return (backendNames as readonly string[]).includes(value)
}

/** Resolves the requested name: `CIMKIT_BACKEND` (if set and not empty) over the config's `run.backend`. */
function requested(preference: string, environment: Readonly<Record<string, string | undefined>>): { readonly name: string; readonly source: BackendStatus['source'] } {
  const fromEnvironment = environment[backendEnvironmentVariable]?.trim()
  if (fromEnvironment !== undefined && fromEnvironment !== '') return { name: fromEnvironment, source: 'environment' }
  return { name: preference, source: preference === 'auto' ? 'auto' : 'config' }
}

/**
 * Reports which backends load here and which one `selectBackend(preference)` returns.
 * @example getBackendStatus('auto').active // returns 'native' where the addon is built
 * @since 0.1.0
 */
export function getBackendStatus(preference = 'auto', environment: Readonly<Record<string, string | undefined>> = process.env): BackendStatus {
  const backends = listBackends()
  const { name, source } = requested(preference, environment)
  if (name === 'auto') return { requested: name, source, active: backends.find((entry) => entry.available)?.name ?? null, backends }
  const entry = backends.find((candidate) => candidate.name === name)
  if (entry === undefined) return { requested: name, source, active: null, problem: `unknown backend "${name}" (available: auto, ${backendNames.join(', ')})`, backends }
  return entry.available ? { requested: name, source, active: entry.name, backends } : { requested: name, source, active: null, problem: entry.detail, backends }
}

/**
 * The compute backend for a run. `preference` is the config's `run.backend` (`auto`, `native`,
 * `wasm-simd` or `reference`); the environment variable `CIMKIT_BACKEND` overrides it, so a user
 * can switch backends without editing configs. `auto` takes the fastest that loads (native, then
 * WebAssembly SIMD, then the TypeScript reference). Naming a backend that cannot load throws
 * `BackendUnavailableError` rather than silently running another.
 * @example selectBackend('reference').name // returns 'reference'
 * @since 0.1.0
 */
export function selectBackend(preference = 'auto', environment: Readonly<Record<string, string | undefined>> = process.env): ComputeBackendV1 {
  const { name } = requested(preference, environment)
  if (name === 'auto') {
    for (const candidate of backendNames) {
      const loaded = tryLoadBackend(candidate)
      if ('backend' in loaded) return loaded.backend
    }
  }
  if (!isBackendName(name)) throw new InvalidArgumentError('backend', `unknown backend "${name}" (available: auto, ${backendNames.join(', ')})`)
  const loaded = tryLoadBackend(name)
  if ('error' in loaded) throw BackendUnavailableError.isInstance(loaded.error) ? loaded.error : new BackendUnavailableError(name, loaded.error.message, { cause: loaded.error })
  return loaded.backend
}
