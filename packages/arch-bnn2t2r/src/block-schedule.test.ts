import { describe, expect, it } from 'vitest'
import { mnistBnn } from './__fixtures__/networks.js'
import { layerBlockSchedule } from './block-schedule.js'

describe('kilobit block schedule (paper 004 §2.4, Fig. 3; layouts of seed-002-004 B.1.5)', () => {
  it('parallel-to-sequential, n = 32: 784-1024-1024-10 on 25×32 + 32×32 + 32×1 blocks (1856 kilobits), 32 + 32 + 10 cycles', () => {
    const schedules = mnistBnn.layers.map((layer) => layerBlockSchedule(layer, 32, 'parallel-to-sequential'))
    expect(schedules.map((s) => [s.tileRows, s.tileColumns, s.blocks, s.cyclesPerMvm])).toEqual([
      [25, 32, 800, 32],
      [32, 32, 1024, 32],
      [32, 1, 32, 10],
    ])
    // every block reads one 32-bit row per cycle; padding of the 784 inputs (25·32 = 800) is read too
    expect(schedules.map((s) => s.decisions)).toEqual([800 * 32 * 32, 1024 * 32 * 32, 32 * 10 * 32])
    expect(schedules.reduce((sum, s) => sum + s.synapses, 0)).toBe(1_861_632)
    // tree: (N − 1) adds per column per cycle; one threshold per neuron
    expect(schedules.map((s) => s.accumulations)).toEqual([32 * 32 * 24, 32 * 32 * 31, 10 * 31])
    expect(schedules.map((s) => s.thresholds)).toEqual([1024, 1024, 10])
  })

  it('sequential-to-parallel: one neuron per cell, ⌈K/32⌉ cycles (25, 32, 32), a loop-back add per cell per cycle', () => {
    const schedules = mnistBnn.layers.map((layer) => layerBlockSchedule(layer, 32, 'sequential-to-parallel'))
    expect(schedules.map((s) => [s.blocks, s.cyclesPerMvm])).toEqual([
      [1024, 25],
      [1024, 32],
      [10, 32],
    ])
    expect(schedules[0]!.accumulations).toBe(1024 * 25)
  })

  it('sequential-to-parallel spreads a neuron of more than n² inputs over cells merged by the tree', () => {
    const schedule = layerBlockSchedule({ name: 'wide', kind: 'dense', inputs: 2500, outputs: 3, mvmsPerInference: 2 }, 32, 'sequential-to-parallel')
    expect(schedule.tileRows).toBe(3) // ⌈2500/1024⌉ cells per neuron
    expect(schedule.cyclesPerMvm).toBe(27) // ⌈2500/96⌉
    expect(schedule.accumulations).toBe(2 * 27 * 9 + 2 * 3 * 2)
    expect(() => layerBlockSchedule({ name: 'empty', kind: 'dense', inputs: 0, outputs: 3, mvmsPerInference: 1 }, 32, 'parallel-to-sequential')).toThrow()
  })
})
