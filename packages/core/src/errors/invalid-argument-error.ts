import { CimkitError } from './cimkit-error.js'

/** A function was called with an argument outside its contract (shape, range, unit). @since 0.1.0 */
export class InvalidArgumentError extends CimkitError {
  readonly argument: string

  constructor(argument: string, message: string, options?: { cause?: unknown }) {
    super(`${argument}: ${message}`, options)
    this.argument = argument
  }
}
