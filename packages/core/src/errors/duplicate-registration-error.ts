import { CimkitError } from './cimkit-error.js'

/** Two plugins registered the same `kind:type` key. @since 0.1.0 */
export class DuplicateRegistrationError extends CimkitError {
  constructor(key: string, firstPlugin: string, secondPlugin: string) {
    super(`"${key}" is registered twice: first by ${firstPlugin}, again by ${secondPlugin}`)
  }
}
