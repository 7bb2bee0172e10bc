import { NetworkError } from '../errors/network-error.js'
import { createNetwork } from '../ir/network.js'
import type { Network, NetworkNode } from '../ir/network.js'
import { createBatchNormTrainNode } from './ops/batch-norm-train.js'
import { createConv2dTrainNode } from './ops/conv-train.js'
import { createDenseTrainNode, createSplitDenseTrainNode } from './ops/dense-train.js'
import { createElementwiseTrainNode } from './ops/elementwise-train.js'
import type { Parameter } from './parameter.js'
import type { TrainContext, TrainNode } from './train-node.js'

function createTrainNode(node: NetworkNode, context: TrainContext, needsInputGradient: boolean): TrainNode {
  const { layer, name } = node
  const inputShape = node.inputShapes[0]!
  switch (layer.op) {
    case 'dense':
      return createDenseTrainNode(name, layer, context, needsInputGradient)
    case 'splitDense':
      return createSplitDenseTrainNode(name, layer, context, needsInputGradient)
    case 'conv2d':
      return createConv2dTrainNode(name, layer, inputShape, node.outputShape, context, needsInputGradient)
    case 'batchNorm':
      return createBatchNormTrainNode(name, layer, inputShape)
    case 'softmax':
      throw new NetworkError(name, 'softmax can only be trained as the last node (the loss is softmax cross-entropy on its input)')
    default:
      return createElementwiseTrainNode(layer, inputShape, node.outputShape)
  }
}

/**
 * A network prepared for training: one trainable node per graph node, forward over the graph
 * (logits: the output, or the input of a final softmax), backward in reverse order with gradients
 * summed where a tensor feeds several nodes.
 * @since 0.1.0
 */
export class TrainableNetwork {
  readonly parameters: readonly Parameter[]
  private readonly nodes: readonly NetworkNode[]
  private readonly trainNodes: readonly TrainNode[]
  private readonly logitsName: string

  constructor(readonly network: Network, context: TrainContext) {
    const last = network.nodes.find((node) => node.name === network.output)!
    const endsInSoftmax = last.layer.op === 'softmax'
    this.logitsName = endsInSoftmax ? last.inputs[0]! : network.output
    this.nodes = network.nodes.filter((node) => !(endsInSoftmax && node === last))
    // A tensor needs a gradient only if trainable parameters lie upstream of it: the first layer
    // (even behind flatten/reshape) skips its input-gradient GEMM.
    const dependsOnParameters = new Set<string>()
    this.trainNodes = this.nodes.map((node) => {
      const needsInputGradient = node.inputs.some((input) => dependsOnParameters.has(input))
      if (needsInputGradient || ['dense', 'conv2d', 'splitDense', 'batchNorm'].includes(node.layer.op)) dependsOnParameters.add(node.name)
      return createTrainNode(node, context, needsInputGradient)
    })
    this.parameters = this.trainNodes.flatMap((node) => node.parameters)
  }

  /** Forward pass; returns batch×classes logits. */
  forward(input: Float32Array, batch: number, training: boolean): Float32Array {
    const values = new Map<string, Float32Array>([[this.network.input.name, input]])
    this.nodes.forEach((node, index) => {
      values.set(node.name, this.trainNodes[index]!.forward(node.inputs.map((name) => values.get(name)!), batch, training))
    })
    return values.get(this.logitsName)!
  }

  /** Backward pass from the gradient of the loss with respect to the logits; fills parameter gradients. */
  backward(logitsGradient: Float32Array, batch: number): void {
    const gradients = new Map<string, Float32Array>([[this.logitsName, logitsGradient]])
    for (let index = this.nodes.length - 1; index >= 0; index--) {
      const node = this.nodes[index]!
      const gradient = gradients.get(node.name)
      if (gradient === undefined) continue
      gradients.delete(node.name)
      const inputGradients = this.trainNodes[index]!.backward(gradient, batch)
      node.inputs.forEach((name, position) => {
        const inputGradient = inputGradients[position]
        if (inputGradient === null || inputGradient === undefined || name === this.network.input.name) return
        const existing = gradients.get(name)
        if (existing === undefined) gradients.set(name, inputGradient)
        else for (let i = 0; i < existing.length; i++) existing[i]! += inputGradient[i]!
      })
    }
  }

  /** The trained network (same graph, trained parameters; binarized/quantized weights as trained). */
  export(): Network {
    const trained = new Map(this.nodes.map((node, index) => [node.name, this.trainNodes[index]!.export()]))
    return createNetwork({
      name: this.network.name,
      input: this.network.input,
      nodes: this.network.nodes.map((node) => ({ name: node.name, inputs: node.inputs, layer: trained.get(node.name) ?? node.layer })),
      output: this.network.output,
    })
  }
}
