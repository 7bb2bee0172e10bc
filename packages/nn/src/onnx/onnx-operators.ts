import type { Layer } from '../ir/layer.js'
import type { OnnxAttributes } from './onnx-attributes.js'
import { decodeOnnxTensor } from './onnx-tensor.js'
import type { ConstantTensor } from './onnx-tensor.js'

/** What the importer knows while converting one node. @since 0.1.0 */
export interface OnnxConversionContext {
  /** Per-sample shape of an activation tensor (throws if the name is not an activation). */
  shapeOf(name: string): readonly number[]
  /** A constant tensor (initializer or Constant output), or null if the name is an activation. */
  constant(name: string): ConstantTensor | null
}

/** How one ONNX node lands in the IR. @since 0.1.0 */
export type OnnxConversion =
  | { readonly kind: 'layer'; readonly layer: Layer; readonly inputs: readonly string[] }
  | { readonly kind: 'layers'; readonly layers: readonly Layer[]; readonly input: string }
  | { readonly kind: 'alias'; readonly input: string }
  | { readonly kind: 'constant'; readonly tensor: ConstantTensor }
  | { readonly kind: 'add'; readonly inputs: readonly [string, string] }

function requireConstant(attributes: OnnxAttributes, context: OnnxConversionContext, name: string | undefined, what: string): ConstantTensor {
  const tensor = name === undefined || name === '' ? null : context.constant(name)
  if (tensor === null) throw attributes.error(`${what} ("${name ?? ''}") must be an initializer or Constant`)
  return tensor
}

function windowGeometry(attributes: OnnxAttributes, inputShape: readonly number[], kernel: readonly number[]) {
  if (inputShape.length !== 3) throw attributes.error(`expects an NCHW input, got per-sample shape [${inputShape.join(', ')}]`)
  const stride = attributes.ints('strides', [1, 1])!
  const dilations = attributes.ints('dilations', [1, 1])!
  if (kernel.length !== 2 || stride.length !== 2) throw attributes.error('only 2-D kernels are supported')
  if (dilations.some((dilation) => dilation !== 1)) throw attributes.error(`dilations [${dilations.join(', ')}] are not supported (only 1)`)
  if (attributes.int('ceil_mode', 0) !== 0) throw attributes.error('ceil_mode = 1 is not supported')
  const autoPad = attributes.string('auto_pad', 'NOTSET')
  let pads = attributes.ints('pads', [0, 0, 0, 0])!
  if (autoPad === 'VALID') pads = [0, 0, 0, 0]
  else if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const total = [0, 1].map((axis) => Math.max((Math.ceil(inputShape[axis + 1]! / stride[axis]!) - 1) * stride[axis]! + kernel[axis]! - inputShape[axis + 1]!, 0))
    const before = total.map((sum) => (autoPad === 'SAME_UPPER' ? Math.floor(sum / 2) : Math.ceil(sum / 2)))
    pads = [before[0]!, before[1]!, total[0]! - before[0]!, total[1]! - before[1]!]
  } else if (autoPad !== 'NOTSET') throw attributes.error(`auto_pad "${autoPad}" is not supported`)
  if (pads.length !== 4) throw attributes.error(`pads must have 4 values, got ${pads.length}`)
  return { kernel: [kernel[0]!, kernel[1]!] as const, stride: [stride[0]!, stride[1]!] as const, pads: [pads[0]!, pads[1]!, pads[2]!, pads[3]!] as const }
}

function transposeMatrix(values: Float32Array, rows: number, columns: number): Float32Array {
  const out = new Float32Array(values.length)
  for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) out[column * rows + row] = values[row * columns + column]!
  return out
}

function broadcastVector(attributes: OnnxAttributes, tensor: ConstantTensor, length: number, what: string): Float32Array {
  if (tensor.values.length === length) return Float32Array.from(tensor.values)
  if (tensor.values.length === 1) return new Float32Array(length).fill(tensor.values[0]!)
  throw attributes.error(`${what} has ${tensor.values.length} values, expected ${length} or 1`)
}

/**
 * Converts one ONNX node (opset ≤ 21 semantics of the supported operators) into IR layers.
 * @throws OnnxImportError naming the node and operator for anything unsupported.
 * @since 0.1.0
 */
export function convertOnnxNode(operator: string, inputs: readonly string[], attributes: OnnxAttributes, context: OnnxConversionContext): OnnxConversion {
  const input = inputs[0] ?? ''
  switch (operator) {
    case 'Constant': {
      const tensor = attributes.tensor('value')
      if (tensor !== undefined) return { kind: 'constant', tensor: decodeOnnxTensor(tensor, { node: attributes.nodeName, operator }) }
      if (attributes.has('value_float')) return { kind: 'constant', tensor: { dims: [], values: Float32Array.of(attributes.float('value_float', 0)) } }
      if (attributes.has('value_floats') || attributes.has('value_ints')) {
        const values = Float32Array.from(attributes.ints('value_ints', null) ?? attributes.ints('value_floats', null) ?? [])
        return { kind: 'constant', tensor: { dims: [values.length], values } }
      }
      if (attributes.has('value_int')) return { kind: 'constant', tensor: { dims: [], values: Float32Array.of(attributes.int('value_int', 0)) } }
      throw attributes.error('Constant without a supported value attribute (value, value_float(s), value_int(s))')
    }
    case 'Identity':
    case 'Dropout':
      return { kind: 'alias', input }
    case 'Gemm':
    case 'MatMul': {
      const shape = context.shapeOf(input)
      if (shape.length !== 1) throw attributes.error(`expects a [batch, features] input, got per-sample shape [${shape.join(', ')}] (add a Flatten)`)
      if (operator === 'Gemm') attributes.allowOnly(['alpha', 'beta', 'transA', 'transB'])
      if (attributes.int('transA', 0) !== 0) throw attributes.error('transA = 1 is not supported (the first input must be the activations)')
      const matrix = requireConstant(attributes, context, inputs[1], 'the weight matrix B')
      if (matrix.dims.length !== 2) throw attributes.error(`weight matrix must be 2-D, got dims [${matrix.dims.join(', ')}]`)
      const transB = attributes.int('transB', 0) === 1
      const [inputsCount, outputs] = transB ? [matrix.dims[1]!, matrix.dims[0]!] : [matrix.dims[0]!, matrix.dims[1]!]
      if (inputsCount !== shape[0]) throw attributes.error(`weight matrix has ${inputsCount} input rows, the input has ${shape[0]} features`)
      const weight = transB ? transposeMatrix(matrix.values, outputs, inputsCount) : Float32Array.from(matrix.values)
      const alpha = attributes.float('alpha', 1)
      if (alpha !== 1) for (let index = 0; index < weight.length; index++) weight[index]! *= alpha
      let bias: Float32Array | null = null
      if (operator === 'Gemm' && inputs[2] !== undefined && inputs[2] !== '') {
        bias = broadcastVector(attributes, requireConstant(attributes, context, inputs[2], 'the bias C'), outputs, 'bias C')
        const beta = attributes.float('beta', 1)
        for (let index = 0; index < bias.length; index++) bias[index]! *= beta
      }
      return { kind: 'layer', layer: { op: 'dense', inputs: inputsCount, outputs, weight, bias }, inputs: [input] }
    }
    case 'Conv': {
      attributes.allowOnly(['auto_pad', 'dilations', 'group', 'kernel_shape', 'pads', 'strides'])
      const shape = context.shapeOf(input)
      const weight = requireConstant(attributes, context, inputs[1], 'the kernel W')
      if (weight.dims.length !== 4) throw attributes.error(`kernel must be 4-D [O, C/group, kH, kW], got [${weight.dims.join(', ')}]`)
      const kernel = attributes.ints('kernel_shape', weight.dims.slice(2))!
      const geometry = windowGeometry(attributes, shape, kernel)
      const groups = attributes.int('group', 1)
      const bias = inputs[2] === undefined || inputs[2] === '' ? null : broadcastVector(attributes, requireConstant(attributes, context, inputs[2], 'the bias B'), weight.dims[0]!, 'bias B')
      if (weight.dims[1]! * groups !== shape[0]) throw attributes.error(`kernel expects ${weight.dims[1]! * groups} input channels, the input has ${shape[0]}`)
      return { kind: 'layer', layer: { op: 'conv2d', inChannels: shape[0]!, outChannels: weight.dims[0]!, groups, ...geometry, weight: Float32Array.from(weight.values), bias }, inputs: [input] }
    }
    case 'MaxPool':
    case 'AveragePool': {
      attributes.allowOnly(['auto_pad', 'ceil_mode', 'count_include_pad', 'dilations', 'kernel_shape', 'pads', 'storage_order', 'strides'])
      if (attributes.int('storage_order', 0) !== 0) throw attributes.error('storage_order = 1 is not supported')
      const kernel = attributes.ints('kernel_shape', null)
      if (kernel === null) throw attributes.error('kernel_shape is required')
      const geometry = windowGeometry(attributes, context.shapeOf(input), kernel)
      const layer: Layer = operator === 'MaxPool'
        ? { op: 'maxPool2d', ...geometry }
        : { op: 'avgPool2d', ...geometry, countIncludePad: attributes.int('count_include_pad', 0) === 1 }
      return { kind: 'layer', layer, inputs: [input] }
    }
    case 'GlobalAveragePool': {
      const shape = context.shapeOf(input)
      // NOTE: ONNX keeps [N, C, 1, 1]; the reshape after the IR's [C] keeps downstream shapes exact.
      return { kind: 'layers', layers: [{ op: 'globalAvgPool' }, { op: 'reshape', shape: [shape[0]!, 1, 1] }], input }
    }
    case 'BatchNormalization': {
      attributes.allowOnly(['epsilon', 'momentum', 'spatial', 'training_mode'])
      if (attributes.int('training_mode', 0) !== 0 || attributes.int('spatial', 1) !== 1) throw attributes.error('only inference-mode, spatial batch norm is supported')
      const channels = context.shapeOf(input)[0]!
      const [scale, shift, mean, variance] = [1, 2, 3, 4].map((position, index) =>
        broadcastVector(attributes, requireConstant(attributes, context, inputs[position], ['scale', 'B', 'mean', 'var'][index]!), channels, ['scale', 'B', 'mean', 'var'][index]!),
      ) as [Float32Array, Float32Array, Float32Array, Float32Array]
      return { kind: 'layer', layer: { op: 'batchNorm', scale, shift, mean, variance, epsilon: attributes.float('epsilon', 1e-5) }, inputs: [input] }
    }
    case 'Relu':
      return { kind: 'layer', layer: { op: 'relu' }, inputs: [input] }
    case 'Sign':
      return { kind: 'layer', layer: { op: 'sign' }, inputs: [input] }
    case 'Clip': {
      const bound = (position: number, attribute: string, fallback: number) => {
        const name = inputs[position]
        if (name !== undefined && name !== '') return requireConstant(attributes, context, name, attribute).values[0]!
        return attributes.float(attribute, fallback)
      }
      const min = bound(1, 'min', -Infinity)
      const max = bound(2, 'max', Infinity)
      const layer: Layer = min === 0 && max === Infinity ? { op: 'relu' } : { op: 'hardtanh', min, max }
      return { kind: 'layer', layer, inputs: [input] }
    }
    case 'Flatten': {
      if (attributes.int('axis', 1) !== 1) throw attributes.error(`axis ${attributes.int('axis', 1)} is not supported (only 1: keep the batch axis)`)
      return { kind: 'layer', layer: { op: 'flatten' }, inputs: [input] }
    }
    case 'Reshape': {
      const shape = context.shapeOf(input)
      const target = Array.from(requireConstant(attributes, context, inputs[1], 'the target shape').values)
      if (target.length < 2 || ![0, -1, 1].includes(target[0]!)) throw attributes.error(`target shape [${target.join(', ')}] must keep the batch axis first (0, −1 or 1)`)
      const size = shape.reduce((product, extent) => product * extent, 1)
      const perSample = target.slice(1).map((extent, axis) => (extent === 0 ? shape[axis]! : extent))
      const known = perSample.filter((extent) => extent !== -1).reduce((product, extent) => product * extent, 1)
      const resolved = perSample.map((extent) => (extent === -1 ? size / known : extent))
      return { kind: 'layer', layer: { op: 'reshape', shape: resolved }, inputs: [input] }
    }
    case 'Add': {
      if (inputs.length !== 2) throw attributes.error(`expects 2 inputs, got ${inputs.length}`)
      return { kind: 'add', inputs: [inputs[0]!, inputs[1]!] }
    }
    case 'Softmax': {
      const axis = attributes.int('axis', -1)
      if (context.shapeOf(input).length !== 1 || (axis !== -1 && axis !== 1)) throw attributes.error('only softmax over the features of a [batch, features] tensor is supported')
      return { kind: 'layer', layer: { op: 'softmax' }, inputs: [input] }
    }
    default:
      throw attributes.error('unsupported operator (supported: Gemm, MatMul, Conv, Relu, Sign, Clip, MaxPool, AveragePool, GlobalAveragePool, BatchNormalization, Flatten, Reshape, Add, Softmax, Constant, Identity, Dropout)')
  }
}
