import type { Layer, Network } from '@cimkit/nn'
import { PumaProgramError } from '../isa/puma-errors.js'
import type { PumaLayer, PumaNetwork } from './puma-network.js'

function unsupported(node: string, reason: string): never {
  throw new PumaProgramError(`node "${node}": ${reason} (the PUMA compiler takes a chain of dense, conv2d, relu, max/avg pooling and flatten layers)`)
}

function square(node: string, what: string, pair: readonly [number, number]): number {
  if (pair[0] !== pair[1]) unsupported(node, `${what} ${pair[0]}×${pair[1]} is not square`)
  return pair[0]
}

function convert(node: string, layer: Layer): PumaLayer | null {
  switch (layer.op) {
    case 'dense':
      // nn's dense weight is already inputs × outputs (row = input), PUMA's convention.
      return { kind: 'dense', name: node, inputs: layer.inputs, outputs: layer.outputs, weights: layer.weight, ...(layer.bias === null ? {} : { bias: layer.bias }) }
    case 'conv2d': {
      if (layer.groups !== 1) unsupported(node, `grouped convolution (groups ${layer.groups})`)
      const [top, left, bottom, right] = layer.pads
      if (top !== left || top !== bottom || top !== right) unsupported(node, `asymmetric padding [${layer.pads.join(', ')}]`)
      // Both OIHW (ONNX/PyTorch): the weights carry over unchanged.
      return {
        kind: 'conv2d',
        name: node,
        inputChannels: layer.inChannels,
        outputChannels: layer.outChannels,
        kernelHeight: layer.kernel[0],
        kernelWidth: layer.kernel[1],
        stride: square(node, 'stride', layer.stride),
        padding: top,
        weights: layer.weight,
        ...(layer.bias === null ? {} : { bias: layer.bias }),
      }
    }
    case 'maxPool2d':
    case 'avgPool2d':
      if (layer.pads.some((pad) => pad !== 0)) unsupported(node, 'padded pooling')
      return { kind: layer.op === 'maxPool2d' ? 'maxpool2d' : 'avgpool2d', name: node, kernel: square(node, 'kernel', layer.kernel), stride: square(node, 'stride', layer.stride) }
    case 'relu':
      return { kind: 'relu', name: node }
    case 'flatten':
      return { kind: 'flatten', name: node }
    case 'softmax':
      // NOTE: a final softmax is monotone, so it changes no argmax; PUMA's VFU has no softmax instruction.
      return null
    default:
      return unsupported(node, `operator "${layer.op}" has no PUMA lowering`)
  }
}

/**
 * Adapts a network of cimkit's IR (built-in model or ONNX import, `@cimkit/nn`) to the PUMA
 * compiler's input: the graph must be a chain from the input to the output; dense weights stay
 * inputs × outputs, conv weights OIHW; a final softmax is dropped (monotone: the argmax is kept).
 * @throws PumaProgramError naming the first node PUMA cannot run.
 * @example pumaNetworkFromNn(loadReferenceModel('lenet5-mnist').network).layers.length // 12
 * @since 0.1.0
 */
export function pumaNetworkFromNn(network: Network): PumaNetwork {
  const layers: PumaLayer[] = []
  let previous = network.input.name
  network.nodes.forEach((node, index) => {
    if (node.inputs.length !== 1 || node.inputs[0] !== previous) unsupported(node.name, `is not a chain step (inputs [${node.inputs.join(', ')}], expected [${previous}])`)
    previous = node.name
    const layer = convert(node.name, node.layer)
    if (layer === null && index !== network.nodes.length - 1) unsupported(node.name, 'softmax before the last layer')
    if (layer !== null) layers.push(layer)
  })
  if (previous !== network.output) unsupported(network.output, 'the output is not the end of the chain')
  return { name: network.name, inputShape: [...network.input.shape], layers }
}
