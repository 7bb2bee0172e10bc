import { flattenHierarchy } from '@cimkit/cost'
import type { CostNode } from '@cimkit/cost'
import { checkComponentCostModel, checkSerialisable } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { convLayer, denseLayer, vgg8 } from '@cimkit/cost/testing'
import { integrateFireDouble, pipeLayerHardwareDoubles } from './__fixtures__/pipelayer-doubles.js'
import { PipeLayerArchitecture } from './pipelayer-architecture.js'

const hardware = pipeLayerHardwareDoubles()
// conv1: 9 × 4 (m = 64), conv2: 36 × 8 (m = 16), fc: 128 × 10 (m = 1); 16-bit weights on 4-bit
// cells = 4 subarrays per 128×128 block, so each layer takes 4 subarrays per copy.
const small = { name: 'small', layers: [convLayer('conv1', 1, 4, 8), convLayer('conv2', 4, 8, 4), denseLayer('fc', 128, 10)] }

describe('PipeLayer architecture', () => {
  it('hand-computed inference: 40 subarrays → copies 7, 2, 1 (stage T = 10 MVMs), 160-cycle steps, 10 images in 1920 cycles', () => {
    // Σ 4·⌈m/T⌉ ≤ 40 first holds at T = 10: ⌈64/10⌉ + ⌈16/10⌉ + 1 = 7 + 2 + 1 = 10 blocks.
    const architecture = new PipeLayerArchitecture({ morphableSubarrays: 40, images: 10, cycleS: 100e-9 })
    const mapping = architecture.map(small)
    expect(mapping.layers.map((layer) => layer.replication)).toEqual([7, 2, 1])
    const report = architecture.cost(small, mapping, null, hardware)
    expect(report.layers.map((layer) => layer.forwardCycles)).toEqual([10 * 16, 8 * 16, 16])
    expect(report.schedule.totalCycles).toBe(12 * 160)
    expect(report.latencyS).toBeCloseTo(3 * 16e-6, 15)
    expect(report.throughputFps).toBeCloseTo(1 / 16e-6, 3)
    for (const layer of report.layers) expect(layer.energyJ).toBeGreaterThan(0)
  })

  it('hand-computed training of a batch of 4: Wᵀ twins halve the budget → copies 3, 1, 1; 10 steps of 352 cycles + 14.08 µs update', () => {
    // 20 subarrays for W: Σ ⌈m/T⌉ ≤ 5 first at T = 22 (3 + 1 + 1); steps ⌈64/3⌉ = 22, 16, 1.
    const architecture = new PipeLayerArchitecture({ mode: 'training', batchSize: 4, morphableSubarrays: 40, cycleS: 100e-9 })
    const mapping = architecture.map(small)
    expect(mapping.layers.map((layer) => layer.replication)).toEqual([3, 1, 1])
    expect(mapping.arraysUsed).toBe(2 * 20)
    const report = architecture.cost(small, mapping, null, hardware)
    expect(report.layers.map((layer) => [layer.forwardCycles, layer.backwardCycles])).toEqual([[352, 0], [256, 256], [16, 16]])
    // gradient: one outer product per position, 4 phases × 10 ns → conv1 64 × 40 ns
    expect(report.layers[0]!.gradientS).toBeCloseTo(2.56e-6, 15)
    // update: 128 rows × (100 ns read + 10 ns write)
    expect(report.schedule.updateS).toBeCloseTo(14.08e-6, 15)
    expect(report.schedule.steps).toBe(10)
    expect(report.schedule.totalS).toBeCloseTo(10 * 35.2e-6 + 14.08e-6, 12)
    expect(report.throughputFps).toBeCloseTo(4 / (10 * 35.2e-6 + 14.08e-6), 3)
  })

  it('counts the morphable subarrays left without weights as memory for the activation FIFOs', () => {
    const architecture = new PipeLayerArchitecture({ morphableSubarrays: 40, memorySubarrays: 0, replication: 'none', cycleS: 100e-9 })
    const report = architecture.cost(small, architecture.map(small), null, hardware)
    // 12 subarrays hold weights; 28 × 128 × 128 cells × 4 bits = 229376 bytes of memory
    expect(report.memory.morphableAsMemory).toBe(28)
    expect(report.memory.availableBytes).toBe(229376)
    // inputs 1×8×8, 4×4×4 (conv2 sees a 4×4 map), 128 values, double-buffered at 2 B
    expect(report.memory.neededBytes).toBe(2 * 2 * (64 + 64 + 128))
    expect(report.memory.fits).toBe(true)
  })

  it('integrate-and-fire reads each column once per MVM, not once per spike slot', () => {
    const architecture = new PipeLayerArchitecture({ morphableSubarrays: 40, replication: 'none', cycleS: 100e-9 })
    const report = architecture.cost(small, architecture.map(small), null, hardware)
    // fc: 1 MVM × 10 outputs × 1 row block × 4 slices; spike drivers: 16 slots × 128 rows × 4 slices
    expect(report.counts.fc!.adc).toEqual({ convert: 40 })
    expect(report.counts.fc!.dac).toEqual({ drive: 16 * 128 * 4 })
  })

  it('an integrate-and-fire readout longer than the 16 slots stretches the MVM (3.2 µs / 100 ns = 32 cycles)', () => {
    const slowCounter = integrateFireDouble()
    const counter = { ...slowCounter, cost: { ...slowCounter.cost, latencyPerActionS: { convert: 3.2e-6 } } }
    const architecture = new PipeLayerArchitecture({ morphableSubarrays: 40, replication: 'none', cycleS: 100e-9 })
    const chip = architecture.chip(pipeLayerHardwareDoubles({ outputConverter: counter }))
    expect(chip.cyclesPerMvm).toBe(32)
    expect(architecture.chip(hardware).cyclesPerMvm).toBe(16)
  })

  it('VGG-8 inference and training report cycles, energy and throughput per layer; training costs more per image', () => {
    const network = vgg8()
    const inference = new PipeLayerArchitecture()
    const training = new PipeLayerArchitecture({ mode: 'training' })
    const start = performance.now()
    const inferenceReport = inference.cost(network, inference.map(network), null, hardware)
    const trainingReport = training.cost(network, training.map(network), null, hardware)
    expect(performance.now() - start).toBeLessThan(2000)
    for (const report of [inferenceReport, trainingReport]) {
      expect(report.layers).toHaveLength(8)
      for (const layer of report.layers) {
        expect(layer.forwardCycles).toBeGreaterThan(0)
        expect(layer.energyJ).toBeGreaterThan(0)
        expect(layer.throughputFps).toBeGreaterThan(0)
      }
    }
    expect(trainingReport.layers[0]!.backwardCycles).toBe(0)
    expect(trainingReport.layers[1]!.backwardCycles).toBeGreaterThan(0)
    expect(trainingReport.energyPerInferenceJ).toBeGreaterThan(inferenceReport.energyPerInferenceJ)
    expect(trainingReport.throughputFps).toBeLessThan(inferenceReport.throughputFps)
    expect(trainingReport.breakdown.some((entry) => entry.component === 'delta-buffer' && entry.energyJ > 0)).toBe(true)
  })

  it('has no ADC or DAC: spike drivers and integrate-and-fire counters from the configured peripherals', () => {
    const leaves = flattenHierarchy(new PipeLayerArchitecture().hierarchy(hardware) as CostNode)
    expect(leaves.find((leaf) => leaf.name === 'dac')!.cost.componentClass).toBe('spike-driver')
    expect(leaves.find((leaf) => leaf.name === 'adc')!.cost.componentClass).toBe('integrate-fire')
    expect(leaves.some((leaf) => leaf.name === 'sample-hold')).toBe(false)
    for (const leaf of leaves) checkComponentCostModel(leaf.cost)
    const peak = new PipeLayerArchitecture().peak(hardware)
    expect(peak.tops).toBeGreaterThan(0)
    expect(Object.values(peak.powerShare!).reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12)
  })

  it('needs a device for its ReRAM buffers, and serialises', () => {
    expect(() => new PipeLayerArchitecture().peak(pipeLayerHardwareDoubles({ device: null }))).toThrow(/device/)
    checkSerialisable(new PipeLayerArchitecture({ mode: 'training' }))
  })
})
