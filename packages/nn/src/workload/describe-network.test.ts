import { describe, expect, it } from 'vitest'
import { createSequentialNetwork } from '../ir/network.js'
import { describeNetwork } from './describe-network.js'

describe('describeNetwork', () => {
  it('splits a grouped conv into one matrix per group and counts split-layer merges', () => {
    const network = createSequentialNetwork('grouped', [4, 8, 8], [
      ['conv', { op: 'conv2d', inChannels: 4, outChannels: 6, kernel: [3, 3], stride: [2, 2], pads: [1, 1, 1, 1], groups: 2, weight: new Float32Array(6 * 2 * 9), bias: null }],
      ['gap', { op: 'globalAvgPool' }],
      ['split', { op: 'splitDense', inputs: 6, outputs: 5, groupSize: 4, scale: 0.05, weight: new Float32Array(30) }],
      ['bn', { op: 'batchNorm', scale: new Float32Array(5).fill(1), shift: new Float32Array(5), mean: new Float32Array(5), variance: new Float32Array(5).fill(1), epsilon: 0 }],
    ])
    const layers = describeNetwork(network).layers
    // Each group: 2 channels × 3 × 3 = 18 rows, 3 columns, 4 × 4 output positions (stride 2, pad 1 on 8 × 8).
    expect(layers.map((layer) => [layer.name, layer.kind, layer.inputs, layer.outputs, layer.mvmsPerInference])).toEqual([
      ['conv/g0', 'conv2d', 18, 3, 16], ['conv/g1', 'conv2d', 18, 3, 16], ['split', 'split-dense', 6, 5, 1],
    ])
    // Global average pooling reads 6 × 4 × 4 values after the last conv group; the split layer merges 2 groups × 5 outputs, then BN on 5.
    expect(layers[1]!.digitalOpsPerInference).toEqual({ avgPool: 96 })
    expect(layers[2]!.digitalOpsPerInference).toEqual({ merge: 10, batchNorm: 5 })
  })
})
