// Test doubles of the hardware an architecture is costed with. Their cost numbers are ISAAC's
// Table 6 values (Shafiee et al., ISCA 2016, 32 nm); their behaviour is never called by cost code.
import type { ComponentCostModelV1, DeviceModelV1, HardwareV1, InputEncoderV1, OutputConverterV1 } from '@cimkit/core'

function notModelled(): never {
  throw new Error('test double: behaviour is not modelled, only cost')
}

/** ISAAC Table 6: 8-bit SAR ADC at 1.28 GS/s, 2 mW, 1200 µm² → 1.5625 pJ per conversion; other bits scale as 2^bits (survey §6.3: SAR energy and area grow exponentially in B). */
export function sarDouble(bits = 8): OutputConverterV1 {
  const factor = 2 ** (bits - 8)
  const cost: ComponentCostModelV1 = {
    specificationVersion: 'v1',
    componentClass: 'adc-sar',
    energyPerActionJ: { convert: (2e-3 / 1.28e9) * factor },
    latencyPerActionS: { convert: 1 / 1.28e9 },
    leakagePowerW: 0,
    areaMm2: 0.0012 * factor,
    source: 'test double: ISAAC Table 6 ADC 8-bit 1.28 GS/s, 2 mW, 1200 µm² (× 2^(bits−8))',
  }
  return { specificationVersion: 'v1', type: 'sar', bits, convert: notModelled, cost, toJSON: () => ({ type: 'sar', bits }) }
}

/** ISAAC Table 6: 1-bit DACs, 8 × 128 per IMA, 4 mW and 0.00017 mm² in all, one drive per row per 100 ns cycle. */
export function bitSerialDouble(bits = 16): InputEncoderV1 {
  const cost: ComponentCostModelV1 = {
    specificationVersion: 'v1',
    componentClass: 'dac-1bit',
    energyPerActionJ: { drive: 4e-3 / 1024 / 1e7 },
    latencyPerActionS: { drive: 100e-9 },
    leakagePowerW: 0,
    areaMm2: 0.00017 / 1024,
    source: 'test double: ISAAC Table 6 DAC 1-bit ×1024, 4 mW, 0.00017 mm²',
  }
  return { specificationVersion: 'v1', type: 'bit-serial', bits, signed: true, cycles: bits, encode: notModelled, cost, toJSON: () => ({ type: 'bit-serial', bits }) }
}

/**
 * ISAAC Table 6: a 128 × 128 crossbar of 2-bit cells draws 0.3 mW over 25 µm². The double's cell
 * reads take V²·Ḡ·t = 0.1² × 1.8310546875 µS × 100 ns = 1.831 fJ, so 16384 cells = 30 pJ per 100 ns
 * read (0.3 mW); 25 µm² / 16384 cells / (32 nm)² = 1.49 F² per cell.
 */
export function isaacCellDouble(): DeviceModelV1 {
  const meanS = 1.8310546875e-6
  return {
    specificationVersion: 'v1',
    type: 'rram',
    conductanceRangeS: { minS: 0.5e-6, maxS: 2 * meanS - 0.5e-6 },
    levelsS: null,
    doProgram: notModelled,
    cost: {
      cellAreaF2: 25 / 16384 / (0.032 * 0.032),
      technologyNodeNm: 32,
      readVoltageV: 0.1,
      readPulseS: 100e-9,
      writeEnergyPerPulseJ: 1e-12,
      writePulseS: 50e-9,
      source: 'test double: ISAAC Table 6 crossbar 0.3 mW, 25 µm² per 128×128',
    },
    toJSON: () => ({ type: 'rram' }),
  }
}

/** Hardware with ISAAC's converters, drivers and cells as doubles. */
export function isaacHardwareDoubles(overrides: Partial<HardwareV1> = {}): HardwareV1 {
  return {
    device: isaacCellDouble(),
    inputEncoder: bitSerialDouble(16),
    outputConverter: sarDouble(8),
    architecture: null,
    middleware: [],
    backend: null,
    ...overrides,
  }
}
