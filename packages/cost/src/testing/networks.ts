// Network workloads for cost tests, as nn would describe them (LayerWorkloadV1).
import type { LayerWorkloadV1, NetworkWorkloadV1 } from '@cimkit/core'

/** A same-padded conv layer, stride 1, with optional 2×2 pooling after it. */
export function convLayer(name: string, inputChannels: number, outputChannels: number, size: number, kernel = 3, pooled = false): LayerWorkloadV1 {
  const outputs = size * size
  return {
    name,
    kind: 'conv2d',
    inputs: kernel * kernel * inputChannels,
    outputs: outputChannels,
    mvmsPerInference: outputs,
    conv: { inputChannels, inputHeight: size, inputWidth: size, kernelHeight: kernel, kernelWidth: kernel, strideHeight: 1, strideWidth: 1, outputHeight: size, outputWidth: size },
    digitalOpsPerInference: pooled ? { relu: outputs * outputChannels, maxpool: outputs * outputChannels } : { relu: outputs * outputChannels },
  }
}

export function denseLayer(name: string, inputs: number, outputs: number): LayerWorkloadV1 {
  return { name, kind: 'dense', inputs, outputs, mvmsPerInference: 1, digitalOpsPerInference: { relu: outputs } }
}

/** VGG-8 on 32×32×3 inputs as NeuroSim benchmarks it (anchor-archsims.md §7 row 20: 12.97 M weights). */
export function vgg8(): NetworkWorkloadV1 {
  return {
    name: 'vgg8',
    layers: [
      convLayer('conv1', 3, 128, 32),
      convLayer('conv2', 128, 128, 32, 3, true),
      convLayer('conv3', 128, 256, 16),
      convLayer('conv4', 256, 256, 16, 3, true),
      convLayer('conv5', 256, 512, 8),
      convLayer('conv6', 512, 512, 8, 3, true),
      denseLayer('fc1', 8192, 1024),
      denseLayer('fc2', 1024, 10),
    ],
  }
}
