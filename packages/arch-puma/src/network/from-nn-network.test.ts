import { createSequentialNetwork, loadReferenceModel } from '@cimkit/nn'
import { describe, expect, it } from 'vitest'
import { PumaProgramError } from '../isa/puma-errors.js'
import { pumaNetworkFromNn } from './from-nn-network.js'

describe('pumaNetworkFromNn', () => {
  it('carries lenet5-mnist over layer by layer: OIHW conv weights, padding 2, pools and dense weights unchanged', () => {
    const source = loadReferenceModel('lenet5-mnist').network
    const network = pumaNetworkFromNn(source)
    expect(network.inputShape).toEqual([1, 28, 28])
    expect(network.layers.map((layer) => layer.kind)).toEqual(['conv2d', 'relu', 'maxpool2d', 'conv2d', 'relu', 'maxpool2d', 'flatten', 'dense', 'relu', 'dense', 'relu', 'dense'])
    const conv1 = network.layers[0]
    expect(conv1).toMatchObject({ kind: 'conv2d', inputChannels: 1, outputChannels: 6, kernelHeight: 5, kernelWidth: 5, stride: 1, padding: 2 })
    const sourceConv = source.nodes[0]?.layer
    expect(conv1?.kind === 'conv2d' && sourceConv?.op === 'conv2d' ? conv1.weights : null).toBe(sourceConv?.op === 'conv2d' ? sourceConv.weight : undefined)
    expect(network.layers[7]).toMatchObject({ kind: 'dense', inputs: 400, outputs: 120 })
  })

  it('drops a final softmax and rejects operators PUMA cannot run, naming the node', () => {
    const withSoftmax = createSequentialNetwork('n', [4], [
      ['fc', { op: 'dense', inputs: 4, outputs: 2, weight: new Float32Array(8), bias: null }],
      ['softmax', { op: 'softmax' }],
    ])
    expect(pumaNetworkFromNn(withSoftmax).layers.map((layer) => layer.name)).toEqual(['fc'])
    const withSign = createSequentialNetwork('n', [4], [
      ['fc', { op: 'dense', inputs: 4, outputs: 2, weight: new Float32Array(8), bias: null }],
      ['binarize', { op: 'sign' }],
    ])
    expect(() => pumaNetworkFromNn(withSign)).toThrow(PumaProgramError)
    expect(() => pumaNetworkFromNn(withSign)).toThrow(/node "binarize": operator "sign"/)
  })
})
