import { defineComponentCost } from '@cimkit/core'
import type { ComponentCostModelV1, DeviceModelV1 } from '@cimkit/core'
import type { TechnologyPoint } from '../technology/technology-scaling.js'
import { resizeComponentCost } from './define-component-cost.js'
import { isaacComponentCost } from './published-component-cost.js'

/** Shape of one crossbar. @since 0.1.0 */
export interface CrossbarShape {
  readonly rows: number
  readonly columns: number
}

/**
 * Where a crossbar's read energy comes from: `device` (V²·Ḡ·t of the configured cell per cell read)
 * or `published` (ISAAC Table 6's 0.3 mW per 128 × 128 crossbar read every 100 ns, which already
 * folds in ISAAC's read conditions, scaled by cells).
 * @since 0.1.0
 */
export type CrossbarEnergySource = 'device' | 'published'

/**
 * Cost of one crossbar array. With a device, the cells are costed from its `cost`: one cell read
 * takes V²·Ḡ·t (Ḡ the mid-range conductance, a cell at an average level; DeviceCostV1), charged
 * per `cellRead`, and one programming pulse per `cellWrite`; area = rows × columns × cellAreaF2 × F². Without a device, ISAAC's Table 6
 * crossbar (0.3 mW, 25 µm² per 128 × 128 at 32 nm) is scaled in proportion to the cell count (as the
 * PUMA simulator's `xbar_pow_dict`/`xbar_area_dict` do), charged per `mvm` (one read of the array).
 * Exactly one of the two actions carries energy, so activity counting both never double-charges.
 * With `energySource: 'published'` and a device, the area still comes from the device and the read
 * energy from ISAAC's table (a 100 ns read at mid-range conductance, V²·Ḡ·t, can be hundreds of
 * times ISAAC's figure).
 * @since 0.1.0
 */
export function crossbarArrayCost(shape: CrossbarShape, device: DeviceModelV1 | null, technology?: TechnologyPoint, energySource: CrossbarEnergySource = 'device'): ComponentCostModelV1 {
  const cells = shape.rows * shape.columns
  if (device !== null && energySource === 'published') {
    const published = crossbarArrayCost(shape, null, technology)
    const featureMm = device.cost.technologyNodeNm * 1e-6
    return defineComponentCost({
      componentClass: 'crossbar',
      energyPerActionJ: { ...published.energyPerActionJ, cellWrite: device.cost.writeEnergyPerPulseJ },
      latencyPerActionS: { ...published.latencyPerActionS, cellWrite: device.cost.writePulseS },
      areaMm2: cells * device.cost.cellAreaF2 * featureMm * featureMm,
      source: `read energy: ${published.source}; area and writes from device "${device.type}" (${device.cost.source})`,
    })
  }
  if (device !== null) {
    const { minS, maxS } = device.conductanceRangeS
    const meanConductanceS = (minS + maxS) / 2
    const cost = device.cost
    const featureMm = cost.technologyNodeNm * 1e-6
    return defineComponentCost({
      componentClass: 'crossbar',
      energyPerActionJ: { cellRead: cost.readVoltageV * cost.readVoltageV * meanConductanceS * cost.readPulseS, cellWrite: cost.writeEnergyPerPulseJ },
      latencyPerActionS: { mvm: cost.readPulseS, cellWrite: cost.writePulseS },
      areaMm2: cells * cost.cellAreaF2 * featureMm * featureMm,
      source: `${shape.rows}×${shape.columns} cells of device "${device.type}": read energy V²·Ḡ·t, area cellAreaF2·F² (${cost.source})`,
    })
  }
  const options = technology === undefined ? {} : { technology }
  const ratio = cells / (128 * 128)
  return resizeComponentCost(isaacComponentCost('crossbar', options), { energy: ratio, area: ratio, leakage: ratio }, `scaled to ${shape.rows}×${shape.columns} in proportion to cells (PUMA xbar_pow_dict)`)
}
