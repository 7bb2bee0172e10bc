// Test doubles carrying the numbers the configured plugins produce for paper 002's presets (device-rram
// `winbond-*`, peripherals `voltage-sa`, `sa-flash`, `flash` at 90 nm), so this package's
// tests need no other plugin. Behaviour is not modelled here except where a test says so.
import type { ComponentCostModelV1, DeviceModelV1, HardwareV1, OutputConverterV1 } from '@cimkit/core'

function notModelled(): never {
  throw new Error('test double: behaviour is not modelled, only cost')
}

function cost(componentClass: string, action: string, energyJ: number, latencyS: number, areaMm2: number, source: string): ComponentCostModelV1 {
  return { specificationVersion: 'v1', componentClass, energyPerActionJ: { [action]: energyJ }, latencyPerActionS: { [action]: latencyS }, leakagePowerW: 0, areaMm2, source }
}

/**
 * device-rram `winbond-binary-{6,12,24}k`: levels 1/200 kΩ (HRS, assumed there) and 1/LRS (paper 002:
 * 6, 12, 24 kΩ); 12 F² 1T1R at 90 nm; rram default read 0.2 V / 100 ns (unused by the macro).
 */
export function winbondBinaryDouble(lrsOhm: number): DeviceModelV1 {
  const levelsS = [1 / 200e3, 1 / lrsOhm]
  return {
    specificationVersion: 'v1',
    type: 'rram',
    conductanceRangeS: { minS: levelsS[0]!, maxS: levelsS[1]! },
    levelsS,
    doProgram: notModelled,
    cost: { cellAreaF2: 12, technologyNodeNm: 90, readVoltageV: 0.2, readPulseS: 100e-9, writeEnergyPerPulseJ: 1e-12, writePulseS: 100e-9, source: 'test double of device-rram winbond-binary (paper 002 LRS, HRS 200 kΩ assumed)' },
    toJSON: () => ({ type: 'rram', lrsOhm }),
  }
}

/** device-rram `winbond-2bit`: four levels equally spaced from 1/60 kΩ to 1/6 kΩ (assumed there), 12 F² at 90 nm. */
export function winbondTwoBitDouble(): DeviceModelV1 {
  const minS = 1 / 60e3
  const maxS = 1 / 6e3
  const levelsS = [0, 1, 2, 3].map((k) => minS + (k * (maxS - minS)) / 3)
  return { ...winbondBinaryDouble(6e3), conductanceRangeS: { minS, maxS }, levelsS, toJSON: () => ({ type: 'rram', preset: 'winbond-2bit' }) }
}

/**
 * One SA decision as peripherals costs it: MNSIM's 28 nm SA (1.63 µW at 1 GS/s, 1 µm²) moved to 90 nm by
 * constant-field scaling (energy ∝ L·V², area ∝ L², delay ∝ L): 9.694 fJ at 1.2 V, 3.214 ns,
 * 1.0332e-5 mm² (values printed by peripherals' `senseAmpCost('voltage-sa', { technologyNodeNm: 90, supplyV })`).
 */
const SA_J_AT_1V2 = 9.694355252751212e-15
const SA_LATENCY_S = 3.2142857142857144e-9
const SA_AREA_MM2 = 1.0331632653061225e-5

function converterDouble(type: string, bits: number, decisions: number, supplyV: number): OutputConverterV1 {
  const energy = decisions * SA_J_AT_1V2 * (supplyV / 1.2) ** 2
  const c = cost(type, 'convert', energy, SA_LATENCY_S, decisions * SA_AREA_MM2, `test double of peripherals ${type}: ${decisions} MNSIM SA decision(s) at 90 nm, ${supplyV} V`)
  return { specificationVersion: 'v1', type, bits, convert: notModelled, cost: c, toJSON: () => ({ type, bits, technologyNodeNm: 90, supplyV }) }
}

/** peripherals `voltage-sa` (one SA, one shared reference). */
export function voltageSaDouble(supplyV: number): OutputConverterV1 {
  return converterDouble('voltage-sa', 1, 1, supplyV)
}

/** peripherals `sa-flash` with 3 bits: 7 SAs fire per conversion (paper 002). */
export function saFlashDouble(supplyV: number): OutputConverterV1 {
  return converterDouble('sa-flash', 3, 7, supplyV)
}

/** peripherals `flash` with 5 bits at 90 nm: 31 comparators, each the MNSIM SA (3.005e-13 J at 1.2 V, 3.2028e-4 mm²). */
export function flash5Double(supplyV = 1.2): OutputConverterV1 {
  return converterDouble('flash', 5, 31, supplyV)
}

/** Hardware of an xnor-macro preset: scheme picks the converter. */
export function xnorHardware(scheme: 'conventional' | 'input-splitting', supplyV: number, lrsOhm: number): HardwareV1 {
  const converter = scheme === 'conventional' ? saFlashDouble(supplyV) : voltageSaDouble(supplyV)
  return { device: winbondBinaryDouble(lrsOhm), inputEncoder: null, outputConverter: converter, architecture: null, middleware: [], backend: null }
}

/** Hardware of the rram-2bit presets. */
export function multilevelHardware(): HardwareV1 {
  return { device: winbondTwoBitDouble(), inputEncoder: null, outputConverter: flash5Double(1.2), architecture: null, middleware: [], backend: null }
}
