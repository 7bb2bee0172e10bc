import { describe, expect, it } from 'vitest'
import { convLayer, denseLayer } from '../testing/networks.js'
import type { ArrayGeometry } from './array-geometry.js'
import { mapNetwork } from './map-network.js'

const isaacGeometry: ArrayGeometry = { rows: 128, columns: 128, rowsPerInput: 1, columnsPerOutput: 1, arraysPerBlock: 8, cellsPerWeight: 8 }

describe('mapNetwork', () => {
  it('cuts a 300 × 200 dense layer into 3 × 2 blocks of 8 arrays (ISAAC slicing), utilization 60000 / 98304', () => {
    const mapping = mapNetwork({ name: 'n', layers: [denseLayer('fc', 300, 200)] }, { architecture: 'x', geometry: isaacGeometry, arraysAvailable: 48, arraysPerUnit: 8 })
    const [layer] = mapping.layers
    expect(layer).toMatchObject({ rowBlocks: 3, columnBlocks: 2, arraysPerCopy: 48, replication: 1 })
    expect(layer!.utilization).toBeCloseTo((300 * 200) / (3 * 2 * 128 * 128), 12)
    expect(mapping.arraysUsed).toBe(48)
  })

  it('maps a conv layer as a (k·k·C_in) × C_out matrix (survey §9.3) and replicates it to balance the pipeline', () => {
    const network = { name: 'n', layers: [convLayer('conv1', 16, 32, 8), denseLayer('fc', 32 * 64, 10)] }
    const mapping = mapNetwork(network, { architecture: 'x', geometry: isaacGeometry, arraysAvailable: 1000, arraysPerUnit: 8 })
    const [conv, fc] = mapping.layers
    expect(conv).toMatchObject({ rowBlocks: 2, columnBlocks: 1, arraysPerCopy: 16 })
    expect(fc).toMatchObject({ rowBlocks: 16, columnBlocks: 1, arraysPerCopy: 128, replication: 1 })
    // 1000 − 128 arrays leave room for 54 conv copies; stage ⌈64 / T⌉ ≤ 54 → T = 2, 32 copies.
    expect(conv!.replication).toBe(32)
    expect(conv!.placement).toMatchObject({ firstUnit: 0, units: 64 })
    expect(fc!.placement).toMatchObject({ firstUnit: 64, units: 16 })
    const flat = mapNetwork(network, { architecture: 'x', geometry: isaacGeometry, arraysAvailable: 1000, replication: 'none' })
    expect(flat.layers.map((layer) => layer.replication)).toEqual([1, 1])
  })

  it('slices in adjacent columns: a 4-slice differential weight takes 8 columns', () => {
    const geometry: ArrayGeometry = { rows: 64, columns: 64, rowsPerInput: 1, columnsPerOutput: 8, arraysPerBlock: 1, cellsPerWeight: 8 }
    const mapping = mapNetwork({ name: 'n', layers: [denseLayer('fc', 64, 16)] }, { architecture: 'x', geometry, arraysAvailable: 2, replication: 'none' })
    expect(mapping.layers[0]).toMatchObject({ rowBlocks: 1, columnBlocks: 2, arraysPerCopy: 2, utilization: 1 })
  })

  it('rejects empty layers', () => {
    expect(() => mapNetwork({ name: 'n', layers: [denseLayer('fc', 0, 1)] }, { architecture: 'x', geometry: isaacGeometry, arraysAvailable: 8 })).toThrow(/fc/)
  })
})
