import type { LayerWorkloadV1, NetworkWorkloadV1 } from '@cimkit/core'

/** Options of `vggLikeCifarNetwork`. @since 0.1.0 */
export interface VggLikeCifarOptions {
  /**
   * Round conv widths down to multiples of 7 so 3×3 conv fan-ins divide into groups of 63 (paper 002:
   * "the number of channels … changed to integer multiples of 7"; the exact widths are not printed,
   * 126/252/504 keep the doubling, research digest A.1.5).
   */
  readonly multiplesOf7?: boolean
}

function conv(name: string, inputChannels: number, outputChannels: number, size: number): LayerWorkloadV1 {
  return {
    name,
    kind: 'conv2d',
    inputs: 9 * inputChannels,
    outputs: outputChannels,
    mvmsPerInference: size * size,
    conv: { inputChannels, inputHeight: size, inputWidth: size, kernelHeight: 3, kernelWidth: 3, strideHeight: 1, strideWidth: 1, outputHeight: size, outputWidth: size },
  }
}

function dense(name: string, inputs: number, outputs: number): LayerWorkloadV1 {
  return { name, kind: 'dense', inputs, outputs, mvmsPerInference: 1 }
}

/**
 * Paper 002's VGG-like CIFAR-10 network (BinaryNet topology, its ref. 12):
 * 128C3-128C3-MP2-256C3-256C3-MP2-512C3-512C3-MP2-1024FC-1024FC-10FC on 32×32×3 inputs, same padding.
 * About 0.617 G multiply-accumulates per image (research digest A.1.10, consistent with Table 1).
 * @since 0.1.0
 */
export function vggLikeCifarNetwork(options: VggLikeCifarOptions = {}): NetworkWorkloadV1 {
  const [c1, c2, c3] = options.multiplesOf7 === true ? [126, 252, 504] : [128, 256, 512]
  return {
    name: options.multiplesOf7 === true ? 'vgg-like-cifar10-x7' : 'vgg-like-cifar10',
    layers: [
      conv('conv1', 3, c1, 32),
      conv('conv2', c1, c1, 32),
      conv('conv3', c1, c2, 16),
      conv('conv4', c2, c2, 16),
      conv('conv5', c2, c3, 8),
      conv('conv6', c3, c3, 8),
      dense('fc1', c3 * 16, 1024),
      dense('fc2', 1024, 1024),
      dense('fc3', 1024, 10),
    ],
  }
}

/** Multiply-accumulates per inference: Σ inputs × outputs × MVMs. @since 0.1.0 */
export function networkMacs(network: NetworkWorkloadV1): number {
  return network.layers.reduce((sum, layer) => sum + layer.inputs * layer.outputs * layer.mvmsPerInference, 0)
}
