import { CimkitError } from '@cimkit/core'

/**
 * An ONNX file cannot be imported: malformed protobuf, a missing graph or tensor, or an operator
 * or attribute cimkit does not support. Names the node and its operator when one is at fault.
 * @since 0.1.0
 */
export class OnnxImportError extends CimkitError {
  /** Node name (or its first output when unnamed), or null for file-level problems. */
  readonly node: string | null
  /** The node's op_type, or null. */
  readonly operator: string | null

  constructor(node: string | null, operator: string | null, message: string, options?: { cause?: unknown }) {
    super(node === null ? `ONNX: ${message}` : `ONNX node "${node}" (${operator ?? '?'}): ${message}`, options)
    this.node = node
    this.operator = operator
  }
}
