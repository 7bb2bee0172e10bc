import { checkComponentCostModel, checkOptionsSchema, checkSerialisable } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { isaacHardwareDoubles, sarDouble } from '../testing/hardware-doubles.js'
import { vgg8 } from '../testing/networks.js'
import { flattenHierarchy } from '../hierarchy/cost-node.js'
import type { CostNode } from '../hierarchy/cost-node.js'
import { createCostPlugin } from './create-cost-plugin.js'
import { createCustomArchitecture } from './create-custom-architecture.js'
import type { CustomArchitectureOptions } from './custom-options.js'

/** ISAAC-CE composed by hand: 168 tiles × 12 IMAs × 8 crossbars of 128×128 2-bit cells, 128 columns per ADC. */
const isaacLike: CustomArchitectureOptions = {
  tiles: 168, coresPerTile: 12, arraysPerCore: 8, rows: 128, columns: 128, weightBits: 16, bitsPerCell: 2, inputBits: 16,
  sliceLayout: 'arrays', columnsPerAdc: 128, offChipLinks: 4,
}
const hardware = isaacHardwareDoubles()

describe('custom architecture', () => {
  it('composed as ISAAC-CE with ISAAC Table 6 doubles: 41.3 TOPS, 0.48 TOPS/mm², 0.63 TOPS/W (survey Table III), ±10 %', () => {
    const peak = createCustomArchitecture(isaacLike).peak(hardware)
    expect(Math.abs(peak.tops / 41.3 - 1)).toBeLessThan(0.1)
    expect(Math.abs(peak.topsPerMm2 / 0.48 - 1)).toBeLessThan(0.1)
    expect(Math.abs(peak.topsPerW / 0.63 - 1)).toBeLessThan(0.1)
    expect(peak.powerShare!.adc).toBeCloseTo(0.49, 2)
  })

  it('runs a 256×256-array, 6-bit-ADC design on VGG-8 and reports per layer and component', () => {
    const architecture = createCustomArchitecture({ rows: 256, columns: 256, tiles: 64 })
    const network = vgg8()
    const mapping = architecture.map(network)
    const report = architecture.cost(network, mapping, null, isaacHardwareDoubles({ outputConverter: sarDouble(6) }))
    for (const key of ['areaMm2', 'energyPerInferenceJ', 'latencyS', 'throughputFps', 'tops', 'topsPerW', 'topsPerMm2'] as const) {
      expect(Number.isFinite(report[key]) && report[key] > 0, key).toBe(true)
    }
    const layers = new Set(report.breakdown.map((entry) => entry.layer))
    for (const layer of network.layers) expect(layers.has(layer.name)).toBe(true)
    const energy = report.breakdown.reduce((sum, entry) => sum + entry.energyJ, 0)
    expect(energy).toBeCloseTo(report.energyPerInferenceJ, 12)
    expect(report.breakdown.some((entry) => entry.component === 'adc')).toBe(true)
  })

  describe('moves in the expected directions', () => {
    const network = vgg8()
    const evaluate = (options: CustomArchitectureOptions, adcBits = 8): ReturnType<ReturnType<typeof createCustomArchitecture>['cost']> => {
      const architecture = createCustomArchitecture({ tiles: 64, ...options })
      return architecture.cost(network, architecture.map(network), null, isaacHardwareDoubles({ outputConverter: sarDouble(adcBits) }))
    }

    it('more ADC bits cost more energy per inference and more area', () => {
      const six = evaluate({}, 6)
      const eight = evaluate({}, 8)
      expect(eight.energyPerInferenceJ).toBeGreaterThan(six.energyPerInferenceJ)
      expect(eight.areaMm2).toBeGreaterThan(six.areaMm2)
      expect(eight.topsPerW).toBeLessThan(six.topsPerW)
    })

    it('sharing an ADC over more columns lowers throughput and area', () => {
      const few = evaluate({ columnsPerAdc: 8 })
      const many = evaluate({ columnsPerAdc: 512 }) // 512 × 0.78 ns = 400 ns > the 100 ns read
      expect(many.throughputFps).toBeLessThan(few.throughputFps)
      expect(many.areaMm2).toBeLessThan(few.areaMm2)
    })

    it('replication for the pipeline raises throughput over one copy per layer', () => {
      expect(evaluate({ replication: 'balance' }).throughputFps).toBeGreaterThan(evaluate({ replication: 'none' }).throughputFps)
    })

    it('more tiles raise area and (with replication) throughput', () => {
      const small = evaluate({ tiles: 32 })
      const large = evaluate({ tiles: 128 })
      expect(large.areaMm2).toBeGreaterThan(small.areaMm2)
      expect(large.throughputFps).toBeGreaterThan(small.throughputFps)
    })

    it('larger arrays raise peak density (survey §10.4: large arrays amortise ADCs)', () => {
      const peak = (rows: number): number => createCustomArchitecture({ rows, columns: rows }).peak(hardware).topsPerMm2
      expect(peak(256)).toBeGreaterThan(peak(128))
    })
  })

  it('sizes each layer\'s input buffer (kernel rows × width × channels; whole input for dense) and checks the tiles\' eDRAM', () => {
    const network = vgg8()
    const roomy = createCustomArchitecture(isaacLike).map(network)
    // conv2: 3 rows × 32 × 128 channels × 2 B = 24576 B
    expect(roomy.layers[1]!.placement).toMatchObject({ inputBufferBytes: 24576, inputBufferFits: true })
    const tight = createCustomArchitecture({ ...isaacLike, bufferBytesPerTile: 1024, replication: 'none' }).map(network)
    // fc2 (1024 inputs × 2 B) sits on one tile with 1 KB of eDRAM
    expect(tight.layers[7]!.placement).toMatchObject({ inputBufferBytes: 2048, inputBufferFits: false })
  })

  it('costs VGG-8 in well under 2 seconds (TARGETS.md §3)', () => {
    const architecture = createCustomArchitecture(isaacLike)
    const network = vgg8()
    const start = performance.now()
    architecture.cost(network, architecture.map(network), null, hardware)
    expect(performance.now() - start).toBeLessThan(2000)
  })

  it('every hierarchy leaf carries a complete cost model and toJSON survives JSON', () => {
    const architecture = createCustomArchitecture(isaacLike)
    for (const component of flattenHierarchy(architecture.hierarchy(hardware) as CostNode)) checkComponentCostModel(component.cost)
    checkSerialisable(architecture)
  })

  it('the plugin registers `custom` with a strict option schema', async () => {
    const added: { type: string; registration: unknown }[] = []
    createCostPlugin().register({ architecture: (type: string, registration: unknown) => added.push({ type, registration }) } as never)
    expect(added.map((entry) => entry.type)).toEqual(['custom'])
    await checkOptionsSchema(added[0]!.registration as never, { rows: 256, columnsPerAdc: 16 }, [
      { options: { rows: 256, colums: 16 }, path: '' },
      { options: { rows: 1 }, path: 'rows' },
      { options: { sliceLayout: 'diagonal' }, path: 'sliceLayout' },
    ])
  })
})
