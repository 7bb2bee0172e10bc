import { CimkitError } from '@cimkit/core'

/**
 * A backend was asked for by name (config `run.backend`, `CIMKIT_BACKEND`, or the plugin's
 * factory) but cannot run on this machine.
 * @since 0.1.0
 */
export class BackendUnavailableError extends CimkitError {
  constructor(
    readonly backend: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`compute backend "${backend}" is not available here: ${reason}`, options)
  }
}
