// Test doubles of PipeLayer's hardware. Only their cost numbers are used, each with its source.
import type { ComponentCostModelV1, DeviceModelV1, HardwareV1, InputEncoderV1, OutputConverterV1 } from '@cimkit/core'

function notModelled(): never {
  throw new Error('test double: behaviour is not modelled, only cost')
}

/** A spike driver per row: ISAAC Table 6's 1-bit DAC (4 mW per 1024 drivers at one drive per 100 ns) stands in; 16 spike slots. */
export function spikeDouble(bits = 16): InputEncoderV1 {
  const cost: ComponentCostModelV1 = {
    specificationVersion: 'v1',
    componentClass: 'spike-driver',
    energyPerActionJ: { drive: 4e-3 / 1024 / 1e7 },
    latencyPerActionS: { drive: 100e-9 },
    leakagePowerW: 0,
    areaMm2: 0.00017 / 1024,
    source: 'test double: ISAAC Table 6 1-bit DAC as a spike driver',
  }
  return { specificationVersion: 'v1', type: 'spike', bits, signed: false, cycles: bits, encode: notModelled, cost, toJSON: () => ({ type: 'spike', bits }) }
}

/** An integrate-and-fire counter per column: MNSIM's 1-bit sense amplifier (1.63 µW at 1 GS/s, 1 µm²; anchor-archsims.md §2.2) per readout. */
export function integrateFireDouble(): OutputConverterV1 {
  const cost: ComponentCostModelV1 = {
    specificationVersion: 'v1',
    componentClass: 'integrate-fire',
    energyPerActionJ: { convert: 1.63e-6 / 1e9 },
    latencyPerActionS: { convert: 1e-9 },
    leakagePowerW: 0,
    areaMm2: 1e-6,
    source: 'test double: MNSIM ADC_Choice 8 sense amplifier, 1.63 µW, 1 µm², 1 GS/s',
  }
  return { specificationVersion: 'v1', type: 'integrate-fire', bits: 16, convert: notModelled, cost, toJSON: () => ({ type: 'integrate-fire' }) }
}

/** A 4-bit ReRAM cell: read 0.1 V over 100 ns at Ḡ = 1.83 µS (ISAAC's 0.3 mW per 128×128 array); write 1 pJ in 10 ns (survey Table I: picojoule writes, ns write speed). */
export function reramCellDouble(): DeviceModelV1 {
  const meanS = 1.8310546875e-6
  return {
    specificationVersion: 'v1',
    type: 'rram',
    conductanceRangeS: { minS: 0.5e-6, maxS: 2 * meanS - 0.5e-6 },
    levelsS: null,
    doProgram: notModelled,
    cost: { cellAreaF2: 4, technologyNodeNm: 32, readVoltageV: 0.1, readPulseS: 100e-9, writeEnergyPerPulseJ: 1e-12, writePulseS: 10e-9, source: 'test double: ISAAC crossbar read power, survey Table I write figures, 4F² cell' },
    toJSON: () => ({ type: 'rram' }),
  }
}

export function pipeLayerHardwareDoubles(overrides: Partial<HardwareV1> = {}): HardwareV1 {
  return { device: reramCellDouble(), inputEncoder: spikeDouble(16), outputConverter: integrateFireDouble(), architecture: null, middleware: [], backend: null, ...overrides }
}
