import { defineComponentCost, InvalidArgumentError } from '@cimkit/core'
import type { ComponentCostModelV1, DeviceModelV1 } from '@cimkit/core'

/** A ReRAM subarray used as memory. @since 0.1.0 */
export interface ReramBufferShape {
  readonly rows: number
  readonly columns: number
  readonly bitsPerCell: number
}

function requireDevice(device: DeviceModelV1 | null): DeviceModelV1 {
  if (device === null) throw new InvalidArgumentError('device', 'PipeLayer keeps activations and ΔW in ReRAM subarrays, costed from the configured device; configure one')
  return device
}

function cellReadJ(device: DeviceModelV1): number {
  const { minS, maxS } = device.conductanceRangeS
  return device.cost.readVoltageV * device.cost.readVoltageV * ((minS + maxS) / 2) * device.cost.readPulseS
}

function areaMm2(shape: ReramBufferShape, device: DeviceModelV1): number {
  const featureMm = device.cost.technologyNodeNm * 1e-6
  return shape.rows * shape.columns * device.cost.cellAreaF2 * featureMm * featureMm
}

/**
 * A memory subarray holding activations (PipeLayer's circular FIFO buffers, survey §11.4): a byte
 * is 8 / bitsPerCell cells, read at V²·Ḡ·t each or written with one programming pulse each; a row
 * of `columns` cells moves per pulse.
 * @since 0.1.0
 */
export function reramBufferCost(shape: ReramBufferShape, device: DeviceModelV1 | null): ComponentCostModelV1 {
  const cellDevice = requireDevice(device)
  const cellsPerByte = 8 / shape.bitsPerCell
  const bytesPerRow = (shape.columns * shape.bitsPerCell) / 8
  return defineComponentCost({
    componentClass: 'reram-buffer',
    energyPerActionJ: { readBytes: cellsPerByte * cellReadJ(cellDevice), writeBytes: cellsPerByte * cellDevice.cost.writeEnergyPerPulseJ },
    latencyPerActionS: { readBytes: cellDevice.cost.readPulseS / bytesPerRow, writeBytes: cellDevice.cost.writePulseS / bytesPerRow },
    areaMm2: areaMm2(shape, cellDevice),
    source: `ReRAM memory subarray ${shape.rows}×${shape.columns}, ${shape.bitsPerCell} bits per cell, from device "${cellDevice.type}" (${cellDevice.cost.source})`,
  })
}

/**
 * A ΔW buffer subarray (PipeLayer, survey §11.3–11.4): each example's gradient is accumulated by
 * parallel outer-product writes, four programming phases (one per sign combination of x and δ),
 * every cell pulsed (an upper bound); at the batch end its cells are read once.
 * @since 0.1.0
 */
export function deltaBufferCost(shape: ReramBufferShape, device: DeviceModelV1 | null): ComponentCostModelV1 {
  const cellDevice = requireDevice(device)
  return defineComponentCost({
    componentClass: 'reram-delta-buffer',
    energyPerActionJ: { outerProduct: shape.rows * shape.columns * cellDevice.cost.writeEnergyPerPulseJ, cellRead: cellReadJ(cellDevice) },
    latencyPerActionS: { outerProduct: 4 * cellDevice.cost.writePulseS, cellRead: cellDevice.cost.readPulseS / shape.columns },
    areaMm2: areaMm2(shape, cellDevice),
    source: `ReRAM ΔW buffer ${shape.rows}×${shape.columns}: parallel outer product in 4 phases (survey §11.3), from device "${cellDevice.type}" (${cellDevice.cost.source})`,
  })
}
