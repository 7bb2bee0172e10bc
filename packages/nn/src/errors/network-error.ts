import { CimkitError } from '@cimkit/core'

/**
 * A network graph is inconsistent: a shape mismatch, a missing input, a parameter of the wrong
 * length. Names the node (and its operator) at fault.
 * @since 0.1.0
 */
export class NetworkError extends CimkitError {
  /** Name of the node at fault, if any. */
  readonly node: string | null

  constructor(node: string | null, message: string, options?: { cause?: unknown }) {
    super(node === null ? message : `node "${node}": ${message}`, options)
    this.node = node
  }
}
