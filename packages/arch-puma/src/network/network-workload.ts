import type { LayerWorkloadV1, NetworkWorkloadV1 } from '@cimkit/core'
import type { PumaNetwork } from './puma-network.js'
import { layerOutputShape } from './puma-network.js'

/**
 * The shapes-only view of a network that cost models take (core's `NetworkWorkloadV1`): one entry
 * per dense or conv layer (rows = inputs per MVM, MVMs per inference), with the following pooling
 * and activation element operations attributed to it as digital ops.
 * @since 0.1.0
 */
export function describePumaNetwork(network: PumaNetwork): NetworkWorkloadV1 {
  const layers: { -readonly [K in keyof LayerWorkloadV1]: LayerWorkloadV1[K] }[] = []
  let shape: readonly number[] = network.inputShape
  for (const layer of network.layers) {
    const next = layerOutputShape(layer, shape)
    const outputs = next.reduce((a, b) => a * b, 1)
    if (layer.kind === 'dense') {
      layers.push({ name: layer.name, kind: 'dense', inputs: layer.inputs, outputs: layer.outputs, mvmsPerInference: 1 })
    } else if (layer.kind === 'conv2d') {
      const [channels, height, width] = shape as [number, number, number]
      const [, outputHeight, outputWidth] = next as [number, number, number]
      const stride = layer.stride ?? 1
      layers.push({
        name: layer.name,
        kind: 'conv2d',
        inputs: layer.kernelHeight * layer.kernelWidth * channels,
        outputs: layer.outputChannels,
        mvmsPerInference: outputHeight * outputWidth,
        conv: { inputChannels: channels, inputHeight: height, inputWidth: width, kernelHeight: layer.kernelHeight, kernelWidth: layer.kernelWidth, strideHeight: stride, strideWidth: stride, outputHeight, outputWidth },
      })
    } else if (layer.kind !== 'flatten') {
      const last = layers[layers.length - 1]
      if (last !== undefined) {
        const pooling = layer.kind === 'maxpool2d' || layer.kind === 'avgpool2d' ? layer : null
        const kind = pooling === null ? 'activation' : pooling.kind
        const elements = pooling === null ? outputs : outputs * pooling.kernel * pooling.kernel
        last.digitalOpsPerInference = { ...(last.digitalOpsPerInference ?? {}), [kind]: (last.digitalOpsPerInference?.[kind] ?? 0) + elements }
      }
    }
    shape = next
  }
  return { name: network.name, layers }
}
