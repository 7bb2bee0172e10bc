import { defineComponentCost } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { denseLayer } from '../testing/networks.js'
import { flattenHierarchy } from '../hierarchy/cost-node.js'
import type { ArrayGeometry } from '../mapping/array-geometry.js'
import { mapNetwork } from '../mapping/map-network.js'
import { costMappedNetwork } from './cost-mapped-network.js'

const geometry: ArrayGeometry = { rows: 4, columns: 4, rowsPerInput: 1, columnsPerOutput: 1, arraysPerBlock: 1, cellsPerWeight: 1 }
const unit = (componentClass: string, energyPerActionJ: Record<string, number>, areaMm2: number, leakagePowerW = 0) =>
  defineComponentCost({ componentClass, energyPerActionJ, latencyPerActionS: Object.fromEntries(Object.keys(energyPerActionJ).map((key) => [key, 1e-9])), leakagePowerW, areaMm2, source: 'unit test' })

const components = flattenHierarchy({
  name: 'chip',
  count: 1,
  children: [
    { name: 'array', count: 4, role: 'array', cost: unit('crossbar', { mvm: 1e-12 }, 1) },
    { name: 'adc', count: 2, role: 'adc', cost: unit('adc', { convert: 2e-12 }, 3) },
    { name: 'link', count: 1, cost: unit('link', {}, 5, 0.5) },
  ],
})
const network = { name: 'n', layers: [denseLayer('fc', 8, 4)] }
const peak = { tops: 1, topsPerW: 1, topsPerMm2: 1 }

describe('costMappedNetwork', () => {
  it('hand-computed energy, area and ops for an 8 × 4 layer on 4×4 arrays, 2 input cycles, 1 µs per MVM', () => {
    const mapping = mapNetwork(network, { architecture: 'x', geometry, arraysAvailable: 4, replication: 'none' })
    const report = costMappedNetwork({ network, mapping, activity: null, components, geometry, inputCycles: 2, bytesPerActivation: 1, mvmTimeS: 1e-6, peak })
    // 2 arrays read twice = 4 mvm × 1 pJ; 4 columns × 2 row blocks × 2 cycles = 16 conversions × 2 pJ; static 0.5 W × 1 µs
    expect(report.energyPerInferenceJ).toBeCloseTo(4e-12 + 32e-12 + 0.5e-6, 18)
    expect(report.areaMm2).toBe(4 + 6 + 5)
    expect(report.latencyS).toBeCloseTo(1e-6, 15)
    expect(report.throughputFps).toBeCloseTo(1e6, 3)
    // 32 MACs = 64 operations per inference
    expect(report.topsPerW).toBeCloseTo(64 / report.energyPerInferenceJ / 1e12, 9)
    expect(report.tops).toBeCloseTo(64e6 / 1e12, 15)
    const adc = report.breakdown.find((entry) => entry.layer === 'fc' && entry.component === 'adc')!
    // the layer holds 2 of 4 arrays, so half the ADC area and one ADC's share of 16 ns busy time
    expect(adc.areaMm2).toBeCloseTo(3, 12)
    expect(adc.latencyS).toBeCloseTo(16e-9, 18)
    expect(report.breakdown.find((entry) => entry.layer === 'static')!.energyJ).toBeCloseTo(0.5e-6, 18)
  })

  it('uses engine activity where given', () => {
    const mapping = mapNetwork(network, { architecture: 'x', geometry, arraysAvailable: 4, replication: 'none' })
    const base = { network, mapping, components, geometry, inputCycles: 2, bytesPerActivation: 1, mvmTimeS: 1e-6, peak }
    const derived = costMappedNetwork({ ...base, activity: null })
    const measured = costMappedNetwork({ ...base, activity: { layers: { fc: { adc: { convert: 1 } } } } })
    expect(derived.energyPerInferenceJ - measured.energyPerInferenceJ).toBeCloseTo(15 * 2e-12, 18)
  })

  it('charges the chips a network needs when it does not fit one', () => {
    const big = { name: 'n', layers: [denseLayer('fc', 16, 8)] }
    const mapping = mapNetwork(big, { architecture: 'x', geometry, arraysAvailable: 4, replication: 'none' })
    expect(mapping.arraysUsed).toBe(8)
    const report = costMappedNetwork({ network: big, mapping, activity: null, components, geometry, inputCycles: 1, bytesPerActivation: 1, mvmTimeS: 1e-6, peak })
    expect(report.chips).toBe(2)
    expect(report.areaMm2).toBe(30)
  })
})
