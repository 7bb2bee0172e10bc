import type { ComputeBackendV1 } from '@cimkit/core'
import { NetworkError } from '../errors/network-error.js'
import { isArrayLayer } from '../ir/layer.js'
import { layerMatrices } from '../ir/layer-matrices.js'
import type { LayerMatrix } from '../ir/layer-matrices.js'
import type { Network, NetworkNode } from '../ir/network.js'
import { createFloatMatmulProvider } from './matmul-provider.js'
import type { MatmulFunction, MatmulProvider } from './matmul-provider.js'
import { conv2dForward } from './ops/conv2d.js'
import { denseForward, splitDenseForward } from './ops/dense.js'
import { addForward, batchNormForward, hardtanhForward, reluForward, signForward, softmaxForward } from './ops/elementwise.js'
import { globalAvgPoolForward, pool2dForward } from './ops/pool2d.js'

/** @since 0.1.0 */
export interface NetworkExecutorOptions {
  /** Kernels for im2col and, without `matmul`, the float GEMM. */
  readonly backend: ComputeBackendV1
  /** Where matrix products go; default: float GEMM on `backend` (the software baseline). */
  readonly matmul?: MatmulProvider
}

/** Sees every node's output (batch-first) as the executor produces it. @since 0.1.0 */
export type LayerObserver = (node: NetworkNode, output: Float32Array, batch: number) => void

/** Runs a network's forward pass on batches. @since 0.1.0 */
export interface NetworkExecutor {
  readonly network: Network
  /** Input batch×(input shape) → output batch×(output shape). */
  run(input: Float32Array, batch: number, observe?: LayerObserver): Float32Array
}

function size(shape: readonly number[]): number {
  return shape.reduce((product, extent) => product * extent, 1)
}

/**
 * Builds an executor: every array layer's matrices are handed to the matmul provider once, here
 * (so a hardware provider programs its arrays at build time); the rest runs digitally in float32.
 * @since 0.1.0
 */
export function createNetworkExecutor(network: Network, options: NetworkExecutorOptions): NetworkExecutor {
  const { backend } = options
  const provider = options.matmul ?? createFloatMatmulProvider(backend)
  const prepared = new Map<string, { matrices: LayerMatrix[]; matmuls: MatmulFunction[] }>()
  for (const node of network.nodes) {
    if (!isArrayLayer(node.layer)) continue
    const matrices = layerMatrices(node.layer)
    const kind = node.layer.op
    const matmuls = matrices.map((matrix, group) =>
      provider.prepare({ layerName: node.name, kind, group, groups: matrices.length, weights: matrix.weights, rows: matrix.rows, columns: matrix.columns }),
    )
    prepared.set(node.name, { matrices, matmuls })
  }

  const forward = (node: NetworkNode, inputs: readonly Float32Array[], batch: number): Float32Array => {
    const input = inputs[0]!
    const { layer } = node
    const inputShape = node.inputShapes[0]!
    switch (layer.op) {
      case 'dense':
        return denseForward(layer, prepared.get(node.name)!.matmuls[0]!, input, batch)
      case 'splitDense': {
        const { matrices, matmuls } = prepared.get(node.name)!
        return splitDenseForward(layer, matrices, matmuls, input, batch)
      }
      case 'conv2d':
        return conv2dForward(backend, layer, prepared.get(node.name)!.matmuls, input, batch, inputShape, node.outputShape)
      case 'maxPool2d':
      case 'avgPool2d':
        return pool2dForward(layer, input, batch, inputShape, node.outputShape)
      case 'globalAvgPool':
        return globalAvgPoolForward(input, batch, inputShape)
      case 'batchNorm':
        return batchNormForward(layer, input, batch, inputShape[0]!, size(inputShape) / inputShape[0]!)
      case 'relu':
        return reluForward(input)
      case 'hardtanh':
        return hardtanhForward(input, layer.min, layer.max)
      case 'sign':
        return signForward(input)
      case 'flatten':
      case 'reshape':
        return input
      case 'add':
        return addForward(input, inputs[1]!)
      case 'softmax':
        return softmaxForward(input, batch, inputShape[0]!)
    }
  }

  // Free each intermediate once its last consumer has run.
  const lastUse = new Map<string, number>()
  network.nodes.forEach((node, index) => node.inputs.forEach((input) => lastUse.set(input, index)))

  return {
    network,
    run(input, batch, observe) {
      if (!Number.isInteger(batch) || batch < 1 || input.length !== batch * size(network.input.shape)) {
        throw new NetworkError(null, `${network.name}: input has ${input.length} values, expected batch ${batch} × [${network.input.shape.join(', ')}]`)
      }
      const values = new Map<string, Float32Array>([[network.input.name, input]])
      network.nodes.forEach((node, index) => {
        const output = forward(node, node.inputs.map((name) => values.get(name)!), batch)
        values.set(node.name, output)
        observe?.(node, output, batch)
        for (const name of node.inputs) if (lastUse.get(name) === index && name !== network.output) values.delete(name)
      })
      return values.get(network.output)!
    },
  }
}
