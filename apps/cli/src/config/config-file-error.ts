import { CimkitError } from '@cimkit/core'

/** A config file could not be read or parsed; names the file and, for syntax errors, the line. @since 0.1.0 */
export class ConfigFileError extends CimkitError {
  readonly path: string

  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(`${path}: ${reason}`, options)
    this.path = path
  }
}
