import { CimkitError } from './cimkit-error.js'

/** A config or call named a component type nobody registered. Lists what is available. @since 0.1.0 */
export class NoSuchComponentError extends CimkitError {
  readonly kind: string
  readonly type: string
  readonly available: readonly string[]

  constructor(kind: string, type: string, available: readonly string[]) {
    const list = available.length === 0 ? 'none are registered' : `available: ${available.join(', ')}`
    super(`No ${kind} of type "${type}" is registered (${list}). Is its plugin listed under "plugins"?`)
    this.kind = kind
    this.type = type
    this.available = available
  }
}
