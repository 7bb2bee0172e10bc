import { describe, expect, it } from 'vitest'
import { NetworkError } from '../errors/network-error.js'
import { createSequentialNetwork } from '../ir/network.js'
import { parseNetworkFile, serializeNetwork } from './network-file.js'

describe('cimkit network file', () => {
  const network = createSequentialNetwork('round-trip', [1, 2, 2], [
    ['flat', { op: 'flatten' }],
    ['fc1', { op: 'dense', inputs: 4, outputs: 3, weight: Float32Array.from([1, -1, 1, -1, -1, 1, 1, 1, 1, -1, -1, -1]), bias: null }],
    ['bn', { op: 'batchNorm', scale: Float32Array.from([1.5, 0.25, -2]), shift: Float32Array.from([0.1, 0.2, 0.3]), mean: Float32Array.from([0, 1, 2]), variance: Float32Array.from([1, 2, 3]), epsilon: 1e-5 }],
    ['sign', { op: 'sign' }],
  ])

  it('round-trips a network exactly, packing ±1 weights one bit each', () => {
    const { file, weights } = serializeNetwork(network)
    // 12 binary weights → 2 bytes; four 3-value float32 tensors → 48 bytes.
    expect(weights.length).toBe(2 + 48)
    expect(file.nodes[1]!.layer.weight).toMatchObject({ encoding: 'sign-bits', length: 12 })
    const restored = parseNetworkFile(JSON.parse(JSON.stringify(file)), weights)
    expect(restored.nodes.map((node) => node.outputShape)).toEqual(network.nodes.map((node) => node.outputShape))
    network.nodes.forEach((node, index) => {
      for (const [key, value] of Object.entries(node.layer)) {
        const other = (restored.nodes[index]!.layer as unknown as Record<string, unknown>)[key]
        if (value instanceof Float32Array) expect(Array.from(other as Float32Array)).toEqual(Array.from(value))
        else expect(other).toEqual(value)
      }
    })
  })

  it('rejects a truncated weights file and a wrong format', () => {
    const { file, weights } = serializeNetwork(network)
    expect(() => parseNetworkFile(file, weights.subarray(0, 20))).toThrow(NetworkError)
    expect(() => parseNetworkFile({ ...file, format: 'other' as 'cimkit-network' }, weights)).toThrow(/not a cimkit network file/)
  })
})
