import { CimkitError } from '@cimkit/core'

/** A malformed measurements CSV, naming the 1-based line at fault. @since 0.1.0 */
export class MeasurementsCsvError extends CimkitError {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`measurements CSV, line ${line}: ${detail}`)
  }
}
