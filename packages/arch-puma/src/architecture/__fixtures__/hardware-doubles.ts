// Test doubles of the hardware PUMA is costed with. Their cost numbers are the ISAAC Table 6 values
// PUMA's simulator uses (Shafiee et al., ISCA 2016, 32 nm; PUMA constants.py "Models from ISAAC");
// their behaviour is never called by cost code.
import type { ComponentCostModelV1, HardwareV1, InputEncoderV1, OutputConverterV1 } from '@cimkit/core'

function notModelled(): never {
  throw new Error('test double: behaviour is not modelled, only cost')
}

/** ISAAC Table 6: 8-bit SAR ADC at 1.28 GS/s, 2 mW, 1200 µm² → 1.5625 pJ per conversion. */
export function sarDouble(): OutputConverterV1 {
  const cost: ComponentCostModelV1 = {
    specificationVersion: 'v1',
    componentClass: 'adc-sar',
    energyPerActionJ: { convert: 2e-3 / 1.28e9 },
    latencyPerActionS: { convert: 1 / 1.28e9 },
    leakagePowerW: 0,
    areaMm2: 0.0012,
    source: 'test double: ISAAC Table 6 ADC 8-bit 1.28 GS/s, 2 mW, 1200 µm²',
  }
  return { specificationVersion: 'v1', type: 'sar', bits: 8, convert: notModelled, cost, toJSON: () => ({ type: 'sar', bits: 8 }) }
}

/** ISAAC Table 6: 1-bit DACs, 8 × 128 per IMA, 4 mW and 0.00017 mm² in all, one drive per row per 100 ns. */
export function bitSerialDouble(): InputEncoderV1 {
  const cost: ComponentCostModelV1 = {
    specificationVersion: 'v1',
    componentClass: 'dac-1bit',
    energyPerActionJ: { drive: 4e-3 / 1024 / 1e7 },
    latencyPerActionS: { drive: 100e-9 },
    leakagePowerW: 0,
    areaMm2: 0.00017 / 1024,
    source: 'test double: ISAAC Table 6 DAC 1-bit ×1024, 4 mW, 0.00017 mm²',
  }
  return { specificationVersion: 'v1', type: 'bit-serial', bits: 16, signed: true, cycles: 16, encode: notModelled, cost, toJSON: () => ({ type: 'bit-serial', bits: 16 }) }
}

/** PUMA's converters and drivers as doubles; crossbars from ISAAC's published row (no device). */
export function pumaHardwareDoubles(overrides: Partial<HardwareV1> = {}): HardwareV1 {
  return { device: null, inputEncoder: bitSerialDouble(), outputConverter: sarDouble(), architecture: null, middleware: [], backend: null, ...overrides }
}
