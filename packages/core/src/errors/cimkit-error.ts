const marker = Symbol.for('@cimkit/core:CimkitError')

/**
 * Base class of every error cimkit throws. Carries a `Symbol.for` marker so `isInstance` works
 * across duplicate copies of core (a plugin bundling its own copy still throws recognisable errors).
 * @since 0.1.0
 */
export class CimkitError extends Error {
  readonly [marker] = true

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
  }

  /** True for any cimkit error, from any copy of core. */
  static isInstance(error: unknown): error is CimkitError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true
  }
}
