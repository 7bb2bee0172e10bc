import { CimkitError } from '@cimkit/core'

/**
 * Prints a failure on stderr as one clear message and returns the exit code: 1 for errors cimkit
 * explains (config, plugin, input), 2 for usage errors, 70 (EX_SOFTWARE) with the stack for bugs.
 * @since 0.1.0
 */
export function reportFailure(error: unknown): number {
  if (CimkitError.isInstance(error)) {
    process.stderr.write(`cimkit: ${error.message}\n`)
    return 1
  }
  if (error instanceof Error && (error.name === 'CACError' || error.message.startsWith('unknown command'))) {
    process.stderr.write(`cimkit: ${error.message}\n`)
    return 2
  }
  process.stderr.write(`cimkit: internal error (please report it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  return 70
}
