import { InvalidArgumentError } from '@cimkit/core'
import type { DeviceModelV1, HardwareV1, OutputConverterV1 } from '@cimkit/core'

/** The configured device, or an error naming what the design needs it for. @since 0.1.0 */
export function requireDevice(hardware: HardwareV1, design: string): DeviceModelV1 {
  if (hardware.device === null) throw new InvalidArgumentError('device', `${design} needs a configured device (its conductances and cell area cost the array)`)
  return hardware.device
}

/** The configured output converter, or an error naming what the design needs it for. @since 0.1.0 */
export function requireConverter(hardware: HardwareV1, design: string): OutputConverterV1 {
  if (hardware.outputConverter === null) throw new InvalidArgumentError('peripherals.adc', `${design} needs a configured output converter (its cost is rolled up)`)
  return hardware.outputConverter
}

/** Energy of one `convert`, joules; throws when the converter's cost model lacks the action. @since 0.1.0 */
export function convertEnergyJ(converter: OutputConverterV1): number {
  const energy = converter.cost.energyPerActionJ.convert
  if (energy === undefined) throw new InvalidArgumentError('peripherals.adc', `converter ${converter.type} has no energy for action "convert"`)
  return energy
}

/** Latency of one `convert`, seconds (0 when the cost model does not state it). @since 0.1.0 */
export function convertLatencyS(converter: OutputConverterV1): number {
  return converter.cost.latencyPerActionS.convert ?? 0
}

/** Area of one cell of `device`, square millimetres: cellAreaF2 · F². @since 0.1.0 */
export function cellAreaMm2(device: DeviceModelV1): number {
  const featureMm = device.cost.technologyNodeNm * 1e-6
  return device.cost.cellAreaF2 * featureMm * featureMm
}

/**
 * The supply a converter was configured with, when its `toJSON` states one: a preset sets the same
 * supply on the architecture and the converter, and a mismatch would cost one and simulate the other.
 * @since 0.1.0
 */
export function checkConverterSupply(converter: OutputConverterV1, supplyV: number): void {
  const stated = converter.toJSON().supplyV
  if (typeof stated === 'number' && Math.abs(stated - supplyV) > 1e-9) {
    throw new InvalidArgumentError('peripherals.adc.supplyV', `converter runs at ${stated} V but the architecture's supplyV is ${supplyV} V; set both to the same supply`)
  }
}
