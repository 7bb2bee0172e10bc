import type { LayerMappingV1 } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { convLayer, denseLayer } from '../testing/networks.js'
import { pipelineTiming } from './pipeline-timing.js'

function mapped(layer: string, replication: number): LayerMappingV1 {
  return { layer, rowBlocks: 1, columnBlocks: 1, arraysPerCopy: 1, replication, utilization: 1 }
}

describe('pipelineTiming', () => {
  it('hand-computed: conv 8×8 (r=4) → conv 8×8 (r=2) → dense, MVM = 1 µs', () => {
    const layers = [convLayer('c1', 1, 4, 8), convLayer('c2', 4, 4, 8), denseLayer('fc', 256, 10)]
    const timing = pipelineTiming(layers, [mapped('c1', 4), mapped('c2', 2), mapped('fc', 1)], 1e-6, 2)
    // steps: ⌈64/4⌉ = 16, ⌈64/2⌉ = 32, 1 → stages 16 µs, 32 µs, 1 µs.
    expect(timing.stages.map((stage) => stage.steps)).toEqual([16, 32, 1])
    // c2 starts after 3 of c1's 8 output rows: 16 · 3/8 = 6 µs; it finishes at max(6 + 32, 16 + 32/8) = 38 µs.
    expect(timing.stages[1]!.startS).toBeCloseTo(6e-6, 15)
    expect(timing.stages[1]!.finishS).toBeCloseTo(38e-6, 15)
    // fc needs all of c2: starts at 6 + 32 = 38 µs, finishes at max(39, 38 + 1) = 39 µs.
    expect(timing.latencyS).toBeCloseTo(39e-6, 15)
    expect(timing.periodS).toBeCloseTo(32e-6, 15)
    expect(timing.throughputFps).toBeCloseTo(1 / 32e-6, 6)
    // input buffers: c2 holds 3 rows × 8 × 4 channels × 2 B; fc holds its 256 inputs × 2 B.
    expect(timing.stages[1]!.inputBufferBytes).toBe(3 * 8 * 4 * 2)
    expect(timing.stages[2]!.inputBufferBytes).toBe(512)
  })

  it('a slow consumer cannot finish before its producer plus one of its rows', () => {
    const layers = [convLayer('c1', 1, 4, 4), convLayer('c2', 4, 4, 4)]
    const timing = pipelineTiming(layers, [mapped('c1', 1), mapped('c2', 16)], 1e-6, 1)
    // c1 16 µs; c2 1 µs starting at 16 · 3/4 = 12 µs; finish max(13, 16 + 1/4) = 16.25 µs.
    expect(timing.latencyS).toBeCloseTo(16.25e-6, 15)
  })
})
