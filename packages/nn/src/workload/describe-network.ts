import type { LayerWorkloadV1, NetworkWorkloadV1 } from '@cimkit/core'
import { isArrayLayer } from '../ir/layer.js'
import type { Network, NetworkNode } from '../ir/network.js'

function size(shape: readonly number[]): number {
  return shape.reduce((product, extent) => product * extent, 1)
}

/** Digital element operations of a non-array node per inference (one per output value; window size for pooling). */
function digitalOps(node: NetworkNode): { kind: string; ops: number } | null {
  const { layer } = node
  const outputs = size(node.outputShape)
  switch (layer.op) {
    case 'maxPool2d':
    case 'avgPool2d':
      return { kind: layer.op === 'maxPool2d' ? 'maxPool' : 'avgPool', ops: outputs * layer.kernel[0] * layer.kernel[1] }
    case 'globalAvgPool':
      return { kind: 'avgPool', ops: size(node.inputShapes[0]!) }
    case 'flatten':
    case 'reshape':
      return null
    default:
      return { kind: layer.op, ops: outputs }
  }
}

/**
 * The array-mapped layers of a network for cost models: one entry per weight matrix (conv groups
 * become `name/g<i>`), with MVMs per inference and the digital work that follows each layer
 * (element ops of the non-array nodes up to the next array layer; nodes before the first array
 * layer count towards it).
 * @since 0.1.0
 */
export function describeNetwork(network: Network): NetworkWorkloadV1 {
  const layers: { entry: LayerWorkloadV1; digital: Record<string, number> }[] = []
  const pending: Record<string, number> = {}
  const addDigital = (target: Record<string, number>, kind: string, ops: number) => {
    target[kind] = (target[kind] ?? 0) + ops
  }
  for (const node of network.nodes) {
    const { layer } = node
    if (!isArrayLayer(layer)) {
      const work = digitalOps(node)
      if (work !== null) addDigital(layers.length === 0 ? pending : layers[layers.length - 1]!.digital, work.kind, work.ops)
      continue
    }
    const digital: Record<string, number> = layers.length === 0 ? pending : {}
    if (layer.op === 'dense') {
      layers.push({ entry: { name: node.name, kind: 'dense', inputs: layer.inputs, outputs: layer.outputs, mvmsPerInference: 1 }, digital })
      if (layer.bias !== null) addDigital(digital, 'bias', layer.outputs)
    } else if (layer.op === 'splitDense') {
      const groups = Math.ceil(layer.inputs / layer.groupSize)
      layers.push({ entry: { name: node.name, kind: 'split-dense', inputs: layer.inputs, outputs: layer.outputs, mvmsPerInference: 1 }, digital })
      addDigital(digital, 'merge', groups * layer.outputs)
    } else {
      const [channels, height, width] = node.inputShapes[0]! as [number, number, number]
      const [, outputHeight, outputWidth] = node.outputShape as [number, number, number]
      for (let group = 0; group < layer.groups; group++) {
        const name = layer.groups === 1 ? node.name : `${node.name}/g${group}`
        const conv = {
          inputChannels: channels / layer.groups, inputHeight: height, inputWidth: width, kernelHeight: layer.kernel[0], kernelWidth: layer.kernel[1],
          strideHeight: layer.stride[0], strideWidth: layer.stride[1], outputHeight, outputWidth,
        }
        const groupDigital: Record<string, number> = group === 0 ? digital : {}
        layers.push({ entry: { name, kind: 'conv2d', inputs: (channels / layer.groups) * layer.kernel[0] * layer.kernel[1], outputs: layer.outChannels / layer.groups, mvmsPerInference: outputHeight * outputWidth, conv }, digital: groupDigital })
      }
      if (layer.bias !== null) addDigital(layers[layers.length - 1]!.digital, 'bias', size(node.outputShape))
    }
  }
  return {
    name: network.name,
    layers: layers.map(({ entry, digital }) => (Object.keys(digital).length === 0 ? entry : { ...entry, digitalOpsPerInference: digital })),
  }
}
