import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { NetworkError } from '../errors/network-error.js'
import { OnnxImportError } from '../errors/onnx-import-error.js'
import { inferLayerShape } from '../ir/infer-shape.js'
import type { Layer } from '../ir/layer.js'
import { createNetwork } from '../ir/network.js'
import type { Network, NetworkNodeSpec } from '../ir/network.js'
import { OnnxAttributes } from './onnx-attributes.js'
import type { OnnxNodeObject } from './onnx-attributes.js'
import { convertOnnxNode } from './onnx-operators.js'
import { onnxModelType } from './onnx-schema.js'
import { decodeOnnxTensor } from './onnx-tensor.js'
import type { ConstantTensor, OnnxTensorObject } from './onnx-tensor.js'

interface OnnxValueInfo {
  readonly name: string
  readonly type?: { readonly tensorType?: { readonly shape?: { readonly dim?: readonly { readonly dimValue?: number; readonly dimParam?: string }[] } } }
}

interface OnnxGraphObject {
  readonly name?: string
  readonly node?: readonly OnnxNodeObject[]
  readonly initializer?: readonly OnnxTensorObject[]
  readonly input?: readonly OnnxValueInfo[]
  readonly output?: readonly OnnxValueInfo[]
}

function decodeModel(bytes: Uint8Array): OnnxGraphObject {
  const type = onnxModelType()
  let model: { graph?: OnnxGraphObject }
  try {
    model = type.toObject(type.decode(bytes), { longs: Number, defaults: false, arrays: true }) as { graph?: OnnxGraphObject }
  } catch (error) {
    throw new OnnxImportError(null, null, `malformed file: not a valid ONNX ModelProto (${error instanceof Error ? error.message : String(error)})`, { cause: error })
  }
  if (model.graph === undefined || (model.graph.node ?? []).length === 0) throw new OnnxImportError(null, null, 'malformed file: the model has no graph or the graph has no nodes')
  return model.graph
}

/** Bias-free array layer whose output may absorb a constant Add as its bias. */
function canTakeBias(layer: Layer): layer is Extract<Layer, { op: 'dense' | 'conv2d' }> {
  return (layer.op === 'dense' || layer.op === 'conv2d') && layer.bias === null
}

/**
 * Imports an ONNX model (bytes of a .onnx file) as an IR network: initializers and Constant
 * outputs become weights, MatMul + Add fuse into a dense layer with bias, Identity/Dropout
 * vanish, and every layer's shapes are checked. The graph must have one activation input whose
 * first axis is the batch.
 * @throws OnnxImportError naming the node and operator, for malformed files and unsupported operators.
 * @since 0.1.0
 */
export function importOnnxModel(bytes: Uint8Array, options: { name?: string } = {}): Network {
  const graph = decodeModel(bytes)
  const constants = new Map<string, ConstantTensor>()
  for (const tensor of graph.initializer ?? []) constants.set(tensor.name ?? '', decodeOnnxTensor(tensor, { node: null, operator: null }))
  const inputs = (graph.input ?? []).filter((input) => !constants.has(input.name))
  if (inputs.length !== 1) throw new OnnxImportError(null, null, `the graph must have exactly one non-initializer input, found ${inputs.length}`)
  const input = inputs[0]!
  const dims = input.type?.tensorType?.shape?.dim ?? []
  const perSample = dims.slice(1).map((dim) => Number(dim.dimValue ?? 0))
  if (dims.length < 2 || perSample.some((extent) => !(extent > 0))) {
    throw new OnnxImportError(null, null, `input "${input.name}" needs a known shape [batch, ...] with fixed non-batch extents`)
  }
  const shapes = new Map<string, readonly number[]>([[input.name, perSample]])
  const aliases = new Map<string, string>()
  const nodes: NetworkNodeSpec[] = []
  const resolve = (name: string) => aliases.get(name) ?? name
  const addNode = (name: string, layer: Layer, nodeInputs: readonly string[], operator: string) => {
    try {
      shapes.set(name, inferLayerShape(name, layer, nodeInputs.map((nodeInput) => shapes.get(nodeInput)!)))
    } catch (error) {
      if (error instanceof NetworkError) throw new OnnxImportError(name, operator, error.message.replace(`node "${name}": `, ''), { cause: error })
      throw error
    }
    nodes.push({ name, layer, inputs: nodeInputs })
  }

  for (const [position, node] of (graph.node ?? []).entries()) {
    const operator = node.opType ?? ''
    const outputs = node.output ?? []
    const nodeName = node.name !== undefined && node.name !== '' ? node.name : (outputs[0] ?? `node_${position}`)
    const attributes = new OnnxAttributes(nodeName, operator, node.attribute ?? [])
    if (node.domain !== undefined && node.domain !== '' && node.domain !== 'ai.onnx') throw attributes.error(`operator domain "${node.domain}" is not supported`)
    const output = outputs[0]
    if (output === undefined || output === '') throw attributes.error('node has no output')
    const nodeInputs = (node.input ?? []).map((name) => (name === '' ? '' : resolve(name)))
    const context = {
      shapeOf: (name: string) => {
        const shape = shapes.get(name)
        if (shape === undefined) throw attributes.error(constants.has(name) ? `input "${name}" is a constant where activations are expected` : `input "${name}" is produced by no earlier node`)
        return shape
      },
      constant: (name: string) => constants.get(name) ?? null,
    }
    const conversion = convertOnnxNode(operator, nodeInputs, attributes, context)
    switch (conversion.kind) {
      case 'constant':
        constants.set(output, conversion.tensor)
        break
      case 'alias':
        context.shapeOf(conversion.input)
        aliases.set(output, conversion.input)
        break
      case 'layer':
        addNode(output, conversion.layer, conversion.inputs, operator)
        break
      case 'layers': {
        let previous = conversion.input
        conversion.layers.forEach((layer, index) => {
          const name = index === conversion.layers.length - 1 ? output : `${output}/${layer.op}`
          addNode(name, layer, [previous], operator)
          previous = name
        })
        break
      }
      case 'add': {
        const [first, second] = conversion.inputs
        const constantInput = constants.has(first) ? first : constants.has(second) ? second : null
        if (constantInput === null) {
          addNode(output, { op: 'add' }, [first, second], operator)
          break
        }
        // A constant added to a bias-free dense/conv output (MatMul + Add, Conv + Add) becomes its bias.
        const activation = constantInput === first ? second : first
        const producer = nodes.find((candidate) => candidate.name === activation)
        const layer = producer?.layer
        if (producer === undefined || layer === undefined || !canTakeBias(layer) || nodes.some((other) => other !== producer && other.inputs.includes(activation))) {
          throw attributes.error('adding a constant is only supported as the bias of a preceding MatMul/Gemm/Conv without bias')
        }
        const outputs = layer.op === 'dense' ? layer.outputs : layer.outChannels
        const bias = constants.get(constantInput)!.values
        if (bias.length !== outputs && bias.length !== 1) throw attributes.error(`bias has ${bias.length} values, expected ${outputs}`)
        const fused = bias.length === 1 ? new Float32Array(outputs).fill(bias[0]!) : Float32Array.from(bias)
        nodes[nodes.indexOf(producer)] = { ...producer, layer: { ...layer, bias: fused } }
        aliases.set(output, activation)
        break
      }
    }
  }
  const graphOutput = graph.output?.[0]?.name
  if (graphOutput === undefined) throw new OnnxImportError(null, null, 'the graph declares no output')
  const outputName = resolve(graphOutput)
  if (!shapes.has(outputName) || outputName === input.name) throw new OnnxImportError(null, null, `graph output "${graphOutput}" is not produced by any supported node`)
  return createNetwork({ name: options.name ?? (graph.name !== undefined && graph.name !== '' ? graph.name : 'onnx-model'), input: { name: input.name, shape: perSample }, nodes, output: outputName })
}

/**
 * Reads and imports a .onnx file.
 * @throws OnnxImportError when the file cannot be read or imported.
 * @since 0.1.0
 */
export function loadOnnxFile(path: string): Network {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (error) {
    throw new OnnxImportError(null, null, `cannot read ${path}`, { cause: error })
  }
  return importOnnxModel(bytes, { name: basename(path).replace(/\.onnx$/, '') })
}
