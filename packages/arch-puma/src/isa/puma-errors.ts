import { CimkitError } from '@cimkit/core'

/** Malformed PUMA assembly; `line` is 1-based. @since 0.1.0 */
export class PumaAssemblyError extends CimkitError {
  readonly line: number

  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`)
    this.line = line
  }
}

/** A binary program that does not decode (bad magic, version, truncation, invalid field). @since 0.1.0 */
export class PumaEncodingError extends CimkitError {}

/** A program or network the compiler or simulator cannot accept (resources, shapes, operands). @since 0.1.0 */
export class PumaProgramError extends CimkitError {}

/**
 * Agents that wait on each other forever: the compiler's check and the simulator both raise it,
 * naming every blocked agent and the instruction it is stuck on.
 * @since 0.1.0
 */
export class PumaDeadlockError extends CimkitError {
  readonly blocked: readonly string[]

  constructor(blocked: readonly string[]) {
    super(`deadlock: ${blocked.join('; ')}`)
    this.blocked = blocked
  }
}
