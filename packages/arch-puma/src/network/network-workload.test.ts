import { describe, expect, it } from 'vitest'
import { lenetNetwork } from '../compiler/__fixtures__/test-networks.js'
import { describePumaNetwork } from './network-workload.js'

describe('describePumaNetwork', () => {
  it('gives LeNet-5 shapes: conv1 25×6 used 576 times, conv2 150×16 used 64 times, pooling as digital ops', () => {
    const workload = describePumaNetwork(lenetNetwork(1))
    expect(workload.layers.map((layer) => [layer.name, layer.inputs, layer.outputs, layer.mvmsPerInference])).toEqual([
      ['conv1', 25, 6, 576],
      ['conv2', 150, 16, 64],
      ['fc1', 256, 120, 1],
      ['fc2', 120, 84, 1],
      ['fc3', 84, 10, 1],
    ])
    // relu over 6×24×24, then 2×2 max pooling of 6×12×12 outputs reads 4 values each
    expect(workload.layers[0]?.digitalOpsPerInference).toEqual({ activation: 3456, maxpool2d: 3456 })
    expect(workload.layers[0]?.conv).toMatchObject({ inputHeight: 28, outputHeight: 24, kernelHeight: 5 })
  })
})
