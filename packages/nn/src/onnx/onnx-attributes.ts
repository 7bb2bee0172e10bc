import { OnnxImportError } from '../errors/onnx-import-error.js'
import { OnnxAttributeType } from './onnx-schema.js'
import type { OnnxTensorObject } from './onnx-tensor.js'

/** A decoded ONNX AttributeProto. @since 0.1.0 */
export interface OnnxAttributeObject {
  readonly name: string
  readonly type?: number
  readonly f?: number
  readonly i?: number
  readonly s?: Uint8Array
  readonly t?: OnnxTensorObject
  readonly floats?: readonly number[]
  readonly ints?: readonly number[]
}

/** A decoded ONNX NodeProto. @since 0.1.0 */
export interface OnnxNodeObject {
  readonly name?: string
  readonly opType?: string
  readonly domain?: string
  readonly input?: readonly string[]
  readonly output?: readonly string[]
  readonly attribute?: readonly OnnxAttributeObject[]
}

/**
 * Typed access to a node's attributes, with ONNX defaults and errors that name the node.
 * @since 0.1.0
 */
export class OnnxAttributes {
  private readonly byName: Map<string, OnnxAttributeObject>

  constructor(readonly nodeName: string, readonly operator: string, attributes: readonly OnnxAttributeObject[]) {
    this.byName = new Map(attributes.map((attribute) => [attribute.name, attribute]))
  }

  error(message: string): OnnxImportError {
    return new OnnxImportError(this.nodeName, this.operator, message)
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  int(name: string, fallback: number): number {
    const attribute = this.byName.get(name)
    return attribute === undefined ? fallback : Number(attribute.i ?? 0)
  }

  float(name: string, fallback: number): number {
    const attribute = this.byName.get(name)
    if (attribute === undefined) return fallback
    // NOTE: some exporters write integral values of float attributes as INT; accept both.
    return attribute.type === OnnxAttributeType.int ? Number(attribute.i ?? 0) : Number(attribute.f ?? 0)
  }

  ints(name: string, fallback: readonly number[] | null): number[] | null {
    const attribute = this.byName.get(name)
    return attribute === undefined ? (fallback === null ? null : [...fallback]) : (attribute.ints ?? []).map(Number)
  }

  string(name: string, fallback: string): string {
    const attribute = this.byName.get(name)
    return attribute?.s === undefined ? fallback : new TextDecoder().decode(attribute.s)
  }

  tensor(name: string): OnnxTensorObject | undefined {
    return this.byName.get(name)?.t
  }

  /** Rejects attributes the importer would otherwise silently ignore. */
  allowOnly(names: readonly string[]): void {
    for (const name of this.byName.keys()) if (!names.includes(name)) throw this.error(`attribute "${name}" is not supported`)
  }
}
