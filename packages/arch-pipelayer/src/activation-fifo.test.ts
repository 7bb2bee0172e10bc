import { describe, expect, it } from 'vitest'
import { convLayer, denseLayer } from '@cimkit/cost/testing'
import { activationFifos } from './activation-fifo.js'

describe('PipeLayer activation FIFOs (hand-computed)', () => {
  const layers = [convLayer('conv1', 3, 8, 8), convLayer('conv2', 8, 8, 8), denseLayer('fc', 512, 10)]

  it('training holds 2(L − l) + 2 images per layer: 6, 4, 2 for three layers', () => {
    const fifos = activationFifos(layers, 'training', 2)
    expect(fifos.map((fifo) => fifo.images)).toEqual([6, 4, 2])
    // conv1 input 3 × 8 × 8 values × 2 B = 384 B per image
    expect(fifos[0]!.bytes).toBe(6 * 384)
    expect(fifos[2]!.bytes).toBe(2 * 512 * 2)
  })

  it('inference double-buffers every layer, whatever the depth', () => {
    expect(activationFifos(layers, 'inference', 1).map((fifo) => fifo.images)).toEqual([2, 2, 2])
  })
})
