// Builds ONNX ModelProto bytes in tests, through the same protobufjs schema the importer reads.
import { OnnxAttributeType, OnnxDataType, onnxModelType } from '../onnx-schema.js'

export function floatTensor(name: string, dims: number[], values: number[], raw = true): Record<string, unknown> {
  if (!raw) return { name, dims, dataType: OnnxDataType.float, floatData: values }
  const bytes = new Uint8Array(values.length * 4)
  const view = new DataView(bytes.buffer)
  values.forEach((value, index) => view.setFloat32(index * 4, value, true))
  return { name, dims, dataType: OnnxDataType.float, rawData: bytes }
}

export function int64Tensor(name: string, values: number[]): Record<string, unknown> {
  return { name, dims: [values.length], dataType: OnnxDataType.int64, int64Data: values }
}

/** Attributes ONNX types as FLOAT (so 1.0 is not written as an INT). */
const floatAttributes = new Set(['alpha', 'beta', 'epsilon', 'momentum', 'min', 'max', 'value_float'])

type AttributeValue = number | number[] | string | { tensor: Record<string, unknown> }

export function node(opType: string, input: string[], output: string[], attributes: Record<string, AttributeValue> = {}, name = output[0]!): Record<string, unknown> {
  const attribute = Object.entries(attributes).map(([key, value]) => {
    if (typeof value === 'string') return { name: key, type: OnnxAttributeType.string, s: new TextEncoder().encode(value) }
    if (Array.isArray(value)) return { name: key, type: OnnxAttributeType.ints, ints: value }
    if (typeof value === 'object') return { name: key, type: OnnxAttributeType.tensor, t: value.tensor }
    return Number.isInteger(value) && !floatAttributes.has(key) ? { name: key, type: OnnxAttributeType.int, i: value } : { name: key, type: OnnxAttributeType.float, f: value }
  })
  return { name, opType, input, output, attribute }
}

function valueInfo(name: string, dims: (number | string)[]): Record<string, unknown> {
  return { name, type: { tensorType: { elemType: OnnxDataType.float, shape: { dim: dims.map((dim) => (typeof dim === 'string' ? { dimParam: dim } : { dimValue: dim })) } } } }
}

export function onnxModel(graph: { input: [string, (number | string)[]]; output: string; nodes: Record<string, unknown>[]; initializers: Record<string, unknown>[] }): Uint8Array {
  const type = onnxModelType()
  return type.encode(type.fromObject({
    irVersion: 8, producerName: 'cimkit-test', opsetImport: [{ domain: '', version: 13 }],
    graph: { name: 'test-graph', node: graph.nodes, initializer: graph.initializers, input: [valueInfo(...graph.input)], output: [valueInfo(graph.output, ['N'])] },
  })).finish()
}
