import { expectCloseToArray } from '@cimkit/core/testing'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { NetworkError } from '../errors/network-error.js'
import { createNetwork, createSequentialNetwork } from '../ir/network.js'
import type { MatmulProvider, MatmulRequest } from './matmul-provider.js'
import { createNetworkExecutor } from './network-executor.js'

const f32 = (values: number[]) => new Float32Array(values)

describe('createNetworkExecutor', () => {
  it('dense + relu + softmax matches the values computed by hand', () => {
    // x = [1, 2]; W = [[1, -1, 0], [0.5, 1, -2]] (rows = inputs); b = [0, -1, 1]
    // x·W + b = [2, 0, -3] → relu [2, 0, 0] → softmax [e²/(e²+2), 1/(e²+2), 1/(e²+2)]
    const network = createSequentialNetwork('tiny', [2], [
      ['fc', { op: 'dense', inputs: 2, outputs: 3, weight: f32([1, -1, 0, 0.5, 1, -2]), bias: f32([0, -1, 1]) }],
      ['relu', { op: 'relu' }],
      ['softmax', { op: 'softmax' }],
    ])
    const output = createNetworkExecutor(network, { backend: referenceBackend }).run(f32([1, 2]), 1)
    const e2 = Math.exp(2)
    expectCloseToArray(output, [e2 / (e2 + 2), 1 / (e2 + 2), 1 / (e2 + 2)], { atol: 1e-6 })
  })

  it('conv2d with stride, padding and groups matches a direct convolution computed by hand', () => {
    // 2 input channels 3×3, groups 2, one 2×2 kernel per group, stride 2, pad 1 (all sides): output 2×2 per channel.
    const input = f32([1, 2, 3, 4, 5, 6, 7, 8, 9, /* channel 1 */ 9, 8, 7, 6, 5, 4, 3, 2, 1])
    const weight = f32([1, 0, 0, -1, /* group 1 */ 0, 1, 1, 0])
    const network = createSequentialNetwork('conv', [2, 3, 3], [
      ['conv', { op: 'conv2d', inChannels: 2, outChannels: 2, kernel: [2, 2], stride: [2, 2], pads: [1, 1, 1, 1], groups: 2, weight, bias: f32([0.5, -0.5]) }],
    ])
    const output = createNetworkExecutor(network, { backend: referenceBackend }).run(input, 1)
    // Channel 0 windows (top-left at (-1,-1),(−1,1),(1,−1),(1,1)) with k = [[1,0],[0,-1]]: -1, -3, -7, 5-9=-4 → +0.5
    // Channel 1 with k = [[0,1],[1,0]]: 9, 8+0... computed per window: (−1,−1): x[0][0]=9 at k[1][1]=0 → 0;
    // (−1,1): x[0][1]·k[1][0] = 8, pads elsewhere → 8; (1,−1): x[1][0]·k[0][1] = 6 → 6; (1,1): x[1][2]·k[0][1] + x[2][1]·k[1][0] = 4+2 = 6
    expectCloseToArray(output, [-0.5, -2.5, -6.5, -3.5, -0.5, 7.5, 5.5, 5.5], { atol: 1e-6 })
  })

  it('pooling, batch norm, hardtanh, sign, flatten and a residual add compute by hand', () => {
    const network = createNetwork({
      name: 'mixed', input: { name: 'x', shape: [1, 4, 4] },
      nodes: [
        { name: 'max', layer: { op: 'maxPool2d', kernel: [2, 2], stride: [2, 2], pads: [0, 0, 0, 0] }, inputs: ['x'] },
        { name: 'avg', layer: { op: 'avgPool2d', kernel: [2, 2], stride: [2, 2], pads: [0, 0, 0, 0] }, inputs: ['x'] },
        { name: 'sum', layer: { op: 'add' }, inputs: ['max', 'avg'] },
        { name: 'bn', layer: { op: 'batchNorm', scale: f32([2]), shift: f32([1]), mean: f32([10]), variance: f32([4]), epsilon: 0 }, inputs: ['sum'] },
        { name: 'clip', layer: { op: 'hardtanh', min: -1, max: 3 }, inputs: ['bn'] },
        { name: 'gap', layer: { op: 'globalAvgPool' }, inputs: ['clip'] },
        { name: 'flat', layer: { op: 'flatten' }, inputs: ['clip'] },
        { name: 'sign', layer: { op: 'sign' }, inputs: ['flat'] },
      ],
      output: 'sign',
    })
    const input = f32([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])
    const seen = new Map<string, Float32Array>()
    const output = createNetworkExecutor(network, { backend: referenceBackend }).run(input, 1, (node, values) => seen.set(node.name, values))
    // max = [6, 8, 14, 16], avg = [3.5, 5.5, 11.5, 13.5], sum = [9.5, 13.5, 25.5, 29.5]
    expectCloseToArray(seen.get('sum')!, [9.5, 13.5, 25.5, 29.5], { atol: 1e-6 })
    // bn: 2·(s − 10)/2 + 1 = s − 9 → [0.5, 4.5, 16.5, 20.5]; clip → [0.5, 3, 3, 3]; gap = 2.375
    expectCloseToArray(seen.get('clip')!, [0.5, 3, 3, 3], { atol: 1e-6 })
    expectCloseToArray(seen.get('gap')!, [2.375], { atol: 1e-6 })
    expect(Array.from(output)).toEqual([1, 1, 1, 1])
  })

  it('split dense binarizes each group of rows and sums the ±1 outputs (paper 002 input splitting)', () => {
    // 5 inputs, groups of 2 rows → groups {0,1}, {2,3}, {4}; one output column with W = [1, 1, -1, 1, -1].
    const network = createSequentialNetwork('split', [5], [['split', { op: 'splitDense', inputs: 5, outputs: 1, groupSize: 2, scale: 1 / 20, weight: f32([1, 1, -1, 1, -1]) }]])
    const requests: MatmulRequest[] = []
    const float = createNetworkExecutor(network, { backend: referenceBackend })
    const provider: MatmulProvider = {
      prepare(request) {
        requests.push(request)
        return (inputs, batch) => {
          const out = new Float32Array(batch * request.columns)
          for (let b = 0; b < batch; b++) for (let r = 0; r < request.rows; r++) out[b]! += inputs[b * request.rows + r]! * request.weights[r]!
          return out
        }
      },
    }
    // x = [1, -1, 1, 1, -1]: sums 0 → +1, 0 → +1, 1 → +1: merge 3; x = [-1, -1, 1, -1, 1]: -2 → -1, -2 → -1, -1 → -1: merge -3
    const input = f32([1, -1, 1, 1, -1, -1, -1, 1, -1, 1])
    expect(Array.from(float.run(input, 2))).toEqual([3, -3])
    expect(Array.from(createNetworkExecutor(network, { backend: referenceBackend, matmul: provider }).run(input, 2))).toEqual([3, -3])
    expect(requests.map((request) => [request.group, request.rows, request.columns])).toEqual([[0, 2, 1], [1, 2, 1], [2, 1, 1]])
  })

  it('rejects a matmul provider that returns the wrong number of values', () => {
    const network = createSequentialNetwork('n', [2], [['fc', { op: 'dense', inputs: 2, outputs: 3, weight: new Float32Array(6), bias: null }]])
    const provider: MatmulProvider = { prepare: () => () => new Float32Array(2) }
    expect(() => createNetworkExecutor(network, { backend: referenceBackend, matmul: provider }).run(f32([1, 2]), 1)).toThrow(/returned 2 values, expected batch 1 × 3 columns/)
  })

  it('rejects an input of the wrong size', () => {
    const network = createSequentialNetwork('n', [3], [['relu', { op: 'relu' }]])
    expect(() => createNetworkExecutor(network, { backend: referenceBackend }).run(f32([1, 2]), 1)).toThrow(NetworkError)
  })
})
