import { checkComponentCostModel } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { isaacCellDouble } from '../testing/hardware-doubles.js'
import { crossbarArrayCost } from './crossbar-array-cost.js'
import { isaacTable6 } from './isaac-table-6.js'
import type { IsaacTable6Component } from './isaac-table-6.js'
import { edramBufferCost, isaacComponentCost, publishedComponentCost } from './published-component-cost.js'

const imaRows: IsaacTable6Component[] = ['adc8Bit', 'dac1Bit', 'sampleHold', 'crossbar', 'imaShiftAdd', 'imaInputRegister', 'imaOutputRegister']
const tileRows: IsaacTable6Component[] = ['edramBuffer', 'edramBus', 'router', 'sigmoid', 'tileShiftAdd', 'maxPool', 'tileOutputRegister']

/** Power of a row rebuilt from the per-instance cost at its stated peak rate. */
function rowPowerW(name: IsaacTable6Component): number {
  const figure = isaacTable6[name]
  const cost = publishedComponentCost(figure)
  let perInstance = cost.leakagePowerW
  for (const [action, rate] of Object.entries(figure.actionsPerSecond)) perInstance += (cost.energyPerActionJ[action] ?? 0) * rate
  return perInstance * figure.count
}

describe('ISAAC Table 6 component library', () => {
  it('every row is a complete, sourced cost model', () => {
    for (const name of Object.keys(isaacTable6) as IsaacTable6Component[]) {
      const cost = isaacComponentCost(name)
      checkComponentCostModel(cost)
      expect(cost.source).toMatch(/ISAAC/)
    }
  })

  it('ISAAC Table 6 totals: IMA 289 mW / 0.157 mm², tile 330 mW / 0.372 mm², chip (168 tiles + HyperTr) 65.8 W / 85.4 mm²', () => {
    const imaPower = imaRows.reduce((sum, name) => sum + rowPowerW(name), 0)
    const imaArea = imaRows.reduce((sum, name) => sum + isaacTable6[name].areaMm2, 0)
    expect(12 * imaPower).toBeCloseTo(0.289, 3)
    expect(12 * imaArea).toBeCloseTo(0.157, 3)
    const tilePower = 12 * imaPower + tileRows.reduce((sum, name) => sum + rowPowerW(name), 0)
    const tileArea = 12 * imaArea + tileRows.reduce((sum, name) => sum + isaacTable6[name].areaMm2, 0)
    expect(tilePower).toBeCloseTo(0.330, 3)
    expect(tileArea).toBeCloseTo(0.372, 3)
    expect(168 * tilePower + rowPowerW('hyperTransport')).toBeCloseTo(65.8, 1)
    expect(168 * tileArea + isaacTable6.hyperTransport.areaMm2).toBeCloseTo(85.4, 1)
  })

  it('the HyperTransport links are static power (2.6 W each)', () => {
    const link = isaacComponentCost('hyperTransport')
    expect(link.leakagePowerW).toBeCloseTo(2.6, 12)
    expect(Object.keys(link.energyPerActionJ)).toHaveLength(0)
  })

  it('eDRAM buffers scale their area with capacity and keep energy per byte', () => {
    const base = edramBufferCost(64 * 1024)
    const double = edramBufferCost(128 * 1024)
    expect(base.areaMm2).toBeCloseTo(0.083, 12)
    expect(double.areaMm2).toBeCloseTo(0.166, 12)
    expect(double.energyPerActionJ.readBytes).toBe(base.energyPerActionJ.readBytes)
  })

  it('ISAAC Table 6 crossbar (0.3 mW, 25 µm² at 128×128) scales with cells: 256×256 is 4× (PUMA xbar_pow_dict 1.2 mW)', () => {
    const small = crossbarArrayCost({ rows: 128, columns: 128 }, null)
    const large = crossbarArrayCost({ rows: 256, columns: 256 }, null)
    expect(small.energyPerActionJ.mvm! * 1e7).toBeCloseTo(0.3e-3, 12)
    expect(small.areaMm2).toBeCloseTo(25e-6, 15)
    expect(large.energyPerActionJ.mvm! * 1e7).toBeCloseTo(1.2e-3, 12)
  })

  it('a device-costed crossbar charges V²·Ḡ·t per cell read; the published option keeps ISAAC\'s read power and the device\'s area', () => {
    const device = isaacCellDouble()
    const fromDevice = crossbarArrayCost({ rows: 128, columns: 128 }, device)
    expect(fromDevice.energyPerActionJ.cellRead! * 16384).toBeCloseTo(30e-12, 20) // 0.3 mW × 100 ns
    expect(fromDevice.areaMm2).toBeCloseTo(25e-6, 15)
    const wideCells = { ...device, cost: { ...device.cost, cellAreaF2: 4 } }
    const published = crossbarArrayCost({ rows: 128, columns: 128 }, wideCells, undefined, 'published')
    expect(published.energyPerActionJ.mvm).toBeCloseTo(30e-12, 20)
    expect(published.energyPerActionJ.cellRead).toBeUndefined()
    expect(published.areaMm2).toBeCloseTo(16384 * 4 * 0.032e-3 * 0.032e-3, 15)
  })
})
