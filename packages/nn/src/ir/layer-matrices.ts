import type { Conv2dLayer, DenseLayer, SplitDenseLayer } from './layer.js'

/** One array-mappable weight matrix of a layer, rows = inputs. @since 0.1.0 */
export interface LayerMatrix {
  readonly rows: number
  readonly columns: number
  /** rows×columns row-major. */
  readonly weights: Float32Array
  /** For split layers: index of the first input row this matrix reads. */
  readonly firstInput: number
}

/**
 * The weight matrices a layer maps to: one for dense; one per group for conv (rows ordered
 * channel, kernel row, kernel column, as im2col unrolls them); one per input group for splitDense.
 * @since 0.1.0
 */
export function layerMatrices(layer: DenseLayer | Conv2dLayer | SplitDenseLayer): LayerMatrix[] {
  if (layer.op === 'dense') return [{ rows: layer.inputs, columns: layer.outputs, weights: layer.weight, firstInput: 0 }]
  if (layer.op === 'splitDense') {
    const matrices: LayerMatrix[] = []
    for (let first = 0; first < layer.inputs; first += layer.groupSize) {
      const rows = Math.min(layer.groupSize, layer.inputs - first)
      matrices.push({ rows, columns: layer.outputs, weights: layer.weight.subarray(first * layer.outputs, (first + rows) * layer.outputs), firstInput: first })
    }
    return matrices
  }
  const { groups, kernel, weight } = layer
  const channelsPerGroup = layer.inChannels / groups
  const outputsPerGroup = layer.outChannels / groups
  const rows = channelsPerGroup * kernel[0] * kernel[1]
  const matrices: LayerMatrix[] = []
  for (let group = 0; group < groups; group++) {
    const weights = new Float32Array(rows * outputsPerGroup)
    for (let column = 0; column < outputsPerGroup; column++) {
      const source = (group * outputsPerGroup + column) * rows
      for (let row = 0; row < rows; row++) weights[row * outputsPerGroup + column] = weight[source + row]!
    }
    matrices.push({ rows, columns: outputsPerGroup, weights, firstInput: group * channelsPerGroup })
  }
  return matrices
}
