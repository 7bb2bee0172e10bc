import { defineComponentCost, InvalidArgumentError } from '@cimkit/core'
import type { ComponentCostModelV1, HardwareV1 } from '@cimkit/core'
import { flattenHierarchy } from '@cimkit/cost'
import type { CostNode, FlatComponent } from '@cimkit/cost'
import { cellAreaMm2, checkConverterSupply, convertEnergyJ, convertLatencyS, requireConverter, requireDevice } from './hardware-parts.js'
import { bitlineVoltageV, designBitlineLoadOhm, expectedColumnReadPowerW } from './xnor-column.js'
import type { XnorColumnDevices } from './xnor-column.js'
import type { ResolvedXnorMacroOptions } from './xnor-macro-options.js'

/** One XNOR-RRAM macro costed with the configured hardware. @since 0.1.0 */
export interface XnorMacro {
  readonly root: CostNode
  readonly components: readonly FlatComponent[]
  readonly devices: XnorColumnDevices
  /** Column load, ohms (fixed by the design point, not by the configured device). */
  readonly loadOhm: number
  /** RBL voltage at bit count 0 at the configured supply and LRS, volts. */
  readonly bitlineAtZeroV: number
  /** Time of one evaluation of every column for one input vector, seconds. */
  readonly mvmTimeS: number
  /** Multiply-accumulates of one evaluation (rows × columns). */
  readonly macsPerMvm: number
  /** Energy of one evaluation by part, joules. */
  readonly energyPerMvmJ: { readonly array: number; readonly converter: number; readonly driver: number }
}

/**
 * Builds paper 002's macro: the XNOR array (2·rows × columns 1T1R cells), `columns /
 * columnsPerConverter` converters (the configured `peripherals.adc`), and 2·rows word-line drivers
 * (the configured `peripherals.dac`, if any). One evaluation reads each column once: the column draws
 * V_DD²/(R_load + R_col) for `readPulseS` (`expectedColumnReadPowerW`, random ±1 data) and is
 * converted once; the multiplexers take `columnsPerConverter` sequential steps of read pulse plus
 * conversion.
 * NOTE: a column draws current only while its multiplexer step reads it (unselected bit lines are left
 * floating); if all 64 columns conducted through all 8 steps the array energy would be 8× larger.
 * @since 0.1.0
 */
export function buildXnorMacro(options: ResolvedXnorMacroOptions, hardware: HardwareV1): XnorMacro {
  const device = requireDevice(hardware, 'xnor-macro')
  const converter = requireConverter(hardware, 'xnor-macro')
  checkScheme(options, converter.bits)
  checkConverterSupply(converter, options.supplyV)
  if (options.columns % options.columnsPerConverter !== 0) throw new InvalidArgumentError('columnsPerConverter', `must divide columns (${options.columns}), got ${options.columnsPerConverter}`)
  const { minS, maxS } = device.conductanceRangeS
  const devices: XnorColumnDevices = { rows: options.rows, lrsS: maxS, hrsS: minS }
  const load = options.bitlineLoad
  const loadOhm = designBitlineLoadOhm({ ...devices, lrsS: 1 / load.lrsOhm }, load)
  const columnPowerW = expectedColumnReadPowerW(devices, loadOhm, options.supplyV)
  const stepS = options.readPulseS + convertLatencyS(converter)
  const mvmTimeS = options.columnsPerConverter * stepS
  const converters = options.columns / options.columnsPerConverter
  const arrayCost = defineComponentCost({
    componentClass: 'xnor-rram-array',
    energyPerActionJ: { mvm: options.columns * columnPowerW * options.readPulseS },
    latencyPerActionS: { mvm: mvmTimeS },
    areaMm2: 2 * options.rows * options.columns * cellAreaMm2(device),
    source:
      `paper 002 XNOR-RRAM array: ${2 * options.rows}×${options.columns} 1T1R; per column V_DD²/(R_load + R_col)·t_read with LRS ${fmtOhm(1 / maxS)}, HRS ${fmtOhm(1 / minS)} ` +
      `(configured device), V_DD ${options.supplyV} V, R_load ${loadOhm.toFixed(1)} Ω (RBL ${load.bitlineV} V at bit count 0, ${load.supplyV} V, ${fmtOhm(load.lrsOhm)}), t_read ${options.readPulseS} s (fitted); cells ${device.cost.source}`,
  })
  const children: CostNode[] = [
    { name: 'xnor-array', count: 1, cost: arrayCost, role: 'array', peakActionsPerSecond: { mvm: 1 / mvmTimeS } },
    { name: 'converter', count: converters, cost: converter.cost, role: 'adc', peakActionsPerSecond: { convert: options.columnsPerConverter / mvmTimeS } },
  ]
  let driverJ = 0
  if (hardware.inputEncoder !== null) {
    const drive = hardware.inputEncoder.cost.energyPerActionJ.drive ?? 0
    // One of each differential pair (WL or WLB) is pulsed per evaluation.
    driverJ = options.rows * drive
    children.push({ name: 'word-line-driver', count: 2 * options.rows, cost: hardware.inputEncoder.cost, role: 'dac', peakActionsPerSecond: { drive: 0.5 / mvmTimeS } })
  }
  const root: CostNode = { name: 'xnor-macro', count: 1, children }
  return {
    root,
    components: flattenHierarchy(root),
    devices,
    loadOhm,
    bitlineAtZeroV: bitlineVoltageV(devices, options.rows / 2, loadOhm, options.supplyV),
    mvmTimeS,
    macsPerMvm: options.rows * options.columns,
    energyPerMvmJ: { array: arrayCost.energyPerActionJ.mvm!, converter: options.columns * convertEnergyJ(converter), driver: driverJ },
  }
}

function checkScheme(options: ResolvedXnorMacroOptions, bits: number | null): void {
  if (options.scheme === 'input-splitting' && bits !== 1) {
    throw new InvalidArgumentError('peripherals.adc', `input splitting reads each column with a 1-bit sense amplifier (e.g. voltage-sa), got a ${bits ?? 'ideal'}-bit converter`)
  }
  if (options.scheme === 'conventional' && bits !== null && bits < 2) {
    throw new InvalidArgumentError('peripherals.adc', 'the conventional scheme digitises partial sums with a multi-bit ADC (paper 002: 3-bit flash, e.g. sa-flash), got a 1-bit converter')
  }
}

function fmtOhm(ohm: number): string {
  return `${(ohm / 1e3).toPrecision(3)} kΩ`
}

/** The macro's array cost (for tests and reports). @since 0.1.0 */
export function xnorArrayCost(macro: XnorMacro): ComponentCostModelV1 {
  return macro.components.find((component) => component.name === 'xnor-array')!.cost
}
