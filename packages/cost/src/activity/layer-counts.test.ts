import { describe, expect, it } from 'vitest'
import { convLayer, denseLayer } from '../testing/networks.js'
import type { ArrayGeometry } from '../mapping/array-geometry.js'
import { deriveLayerCounts, mergeMeasuredActivity } from './layer-counts.js'

const geometry: ArrayGeometry = { rows: 128, columns: 128, rowsPerInput: 1, columnsPerOutput: 1, arraysPerBlock: 8, cellsPerWeight: 8 }

describe('deriveLayerCounts', () => {
  it('hand-counted: a 300 × 200 dense layer, 3 × 2 blocks of 8 arrays, 16 input cycles, 16-bit values', () => {
    const mapping = { layer: 'fc', rowBlocks: 3, columnBlocks: 2, arraysPerCopy: 48, replication: 1, utilization: 0.61 }
    const counts = deriveLayerCounts(denseLayer('fc', 300, 200), mapping, { geometry, inputCycles: 16, bytesPerActivation: 2 })
    expect(counts.array).toEqual({ mvm: 16 * 48, cellRead: 16 * 300 * 200 * 8 })
    // every input row is driven in 2 column blocks × 8 slice arrays, every cycle
    expect(counts.dac).toEqual({ drive: 16 * 300 * 2 * 8 })
    // every output column is converted in 3 row blocks × 8 slice arrays, every cycle
    expect(counts.adc).toEqual({ convert: 16 * 200 * 3 * 8 })
    expect(counts.sampleHold).toEqual({ sample: 16 * 200 * 3 * 8 })
    expect(counts.partialSum).toEqual({ add: 200 * 2 })
    expect(counts.buffer).toEqual({ readBytes: 600, writeBytes: 400 })
    expect(counts.network).toEqual({ bytes: 400 })
    expect(counts.digital).toEqual({ op: 200 })
  })

  it('splits the workload digital ops into pooling and the rest, per MVM of a conv layer', () => {
    const layer = convLayer('conv', 4, 8, 4, 3, true)
    const mapping = { layer: 'conv', rowBlocks: 1, columnBlocks: 1, arraysPerCopy: 8, replication: 2, utilization: 1 }
    const counts = deriveLayerCounts(layer, mapping, { geometry, inputCycles: 1, bytesPerActivation: 1 })
    expect(counts.array!.mvm).toBe(16 * 8)
    expect(counts.digital).toEqual({ op: 16 * 8 })
    expect(counts.pooling).toEqual({ op: 16 * 8 })
  })

  it('measured activity replaces the roles the engine counted and keeps the others', () => {
    const derived = { adc: { convert: 10 }, network: { bytes: 5 } }
    const merged = mergeMeasuredActivity(derived, { layers: { fc: { adc: { convert: 3 } } } }, 'fc')
    expect(merged).toEqual({ adc: { convert: 3 }, network: { bytes: 5 } })
    expect(mergeMeasuredActivity(derived, null, 'fc')).toBe(derived)
  })
})
