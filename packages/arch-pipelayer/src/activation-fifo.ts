import type { LayerWorkloadV1 } from '@cimkit/core'

/** Activation storage of one layer's input. @since 0.1.0 */
export interface ActivationFifo {
  readonly layer: string
  /** Images whose input activations the layer holds at once. */
  readonly images: number
  /** Bytes of one image's input feature map. */
  readonly bytesPerImage: number
  readonly bytes: number
}

function featureMapValues(layer: LayerWorkloadV1): number {
  const conv = layer.conv
  return conv === undefined ? layer.inputs : conv.inputChannels * conv.inputHeight * conv.inputWidth
}

/**
 * Circular-FIFO sizes of PipeLayer's activation buffers (survey §11.4: storage set by a layer's
 * depth, not the batch). Inference: a layer reads one image while the previous layer writes the
 * next (2 images). Training: layer l's input (1-indexed, L layers) is written in forward step l − 1
 * and read again in its backward step 2L + 1 − l, one image entering per step, so
 * 2(L − l) + 2 images are held.
 * @example activationFifos([{ name: 'fc', kind: 'dense', inputs: 100, outputs: 10, mvmsPerInference: 1 }], 'training', 2)[0].bytes // returns 400
 * @since 0.1.0
 */
export function activationFifos(layers: readonly LayerWorkloadV1[], mode: 'inference' | 'training', bytesPerValue: number): ActivationFifo[] {
  return layers.map((layer, index) => {
    const images = mode === 'inference' ? 2 : 2 * (layers.length - (index + 1)) + 2
    const bytesPerImage = featureMapValues(layer) * bytesPerValue
    return { layer: layer.name, images, bytesPerImage, bytes: images * bytesPerImage }
  })
}
