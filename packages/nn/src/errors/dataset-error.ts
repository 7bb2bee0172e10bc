import { CimkitError } from '@cimkit/core'

/**
 * A dataset file is missing, of the wrong size, or not in the expected format. Names the file.
 * @since 0.1.0
 */
export class DatasetError extends CimkitError {
  /** Path of the file at fault. */
  readonly file: string

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options)
    this.file = file
  }
}
