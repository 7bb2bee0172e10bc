import { OnnxImportError } from '../errors/onnx-import-error.js'
import { OnnxDataType } from './onnx-schema.js'

/** A decoded ONNX TensorProto (plain object from protobufjs `toObject` with longs as numbers). @since 0.1.0 */
export interface OnnxTensorObject {
  readonly name?: string
  readonly dims?: readonly number[]
  readonly dataType?: number
  readonly floatData?: readonly number[]
  readonly int32Data?: readonly number[]
  readonly int64Data?: readonly number[]
  readonly doubleData?: readonly number[]
  readonly rawData?: Uint8Array
  readonly dataLocation?: number
}

/** A constant tensor of the graph (initializer or Constant output), values as float32. @since 0.1.0 */
export interface ConstantTensor {
  readonly dims: readonly number[]
  readonly values: Float32Array
}

/**
 * Decodes a TensorProto's values (FLOAT, DOUBLE, INT32, INT64, INT8, UINT8; raw_data little-endian
 * or the typed fields) into float32, checking the element count against the dims.
 * @throws OnnxImportError naming the tensor.
 * @since 0.1.0
 */
export function decodeOnnxTensor(tensor: OnnxTensorObject, context: { node: string | null; operator: string | null }): ConstantTensor {
  const name = tensor.name ?? '(unnamed)'
  const fail = (message: string) => new OnnxImportError(context.node, context.operator, `tensor "${name}": ${message}`)
  if (tensor.dataLocation === 1) throw fail('external data is not supported (save the model with its weights inside the .onnx file)')
  const dims = (tensor.dims ?? []).map(Number)
  const count = dims.reduce((product, extent) => product * extent, 1)
  const raw = tensor.rawData !== undefined && tensor.rawData.length > 0 ? tensor.rawData : null
  const view = raw === null ? null : new DataView(raw.buffer, raw.byteOffset, raw.byteLength)
  const values = new Float32Array(count)
  const fromRaw = (bytes: number, read: (offset: number) => number) => {
    if (raw!.length !== count * bytes) throw fail(`raw_data has ${raw!.length} bytes, dims [${dims.join(', ')}] need ${count * bytes}`)
    for (let index = 0; index < count; index++) values[index] = read(index * bytes)
  }
  const fromList = (list: readonly number[] | undefined) => {
    if ((list?.length ?? 0) !== count) throw fail(`holds ${list?.length ?? 0} values, dims [${dims.join(', ')}] need ${count}`)
    for (let index = 0; index < count; index++) values[index] = Number(list![index])
  }
  switch (tensor.dataType) {
    case OnnxDataType.float:
      if (view !== null) fromRaw(4, (offset) => view.getFloat32(offset, true))
      else fromList(tensor.floatData)
      break
    case OnnxDataType.double:
      if (view !== null) fromRaw(8, (offset) => view.getFloat64(offset, true))
      else fromList(tensor.doubleData)
      break
    case OnnxDataType.int64:
      if (view !== null) fromRaw(8, (offset) => Number(view.getBigInt64(offset, true)))
      else fromList(tensor.int64Data)
      break
    case OnnxDataType.int32:
      if (view !== null) fromRaw(4, (offset) => view.getInt32(offset, true))
      else fromList(tensor.int32Data)
      break
    case OnnxDataType.int8:
    case OnnxDataType.uint8:
      if (view !== null) fromRaw(1, (offset) => (tensor.dataType === OnnxDataType.int8 ? view.getInt8(offset) : view.getUint8(offset)))
      else fromList(tensor.int32Data)
      break
    default:
      throw fail(`data type ${String(tensor.dataType)} is not supported (float, double, int8/32/64, uint8 are)`)
  }
  return { dims, values }
}
