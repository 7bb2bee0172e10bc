// Test doubles of the hardware paper 004 (Hirtzlin et al., Front. Neurosci. 2020) describes, carrying
// its numbers; the real models live in @cimkit/device-rram and @cimkit/peripherals, which this
// plugin may not import. Each number names its source.
import type { ComponentCostModelV1, ConversionRangeV1, DeviceModelV1, HardwareV1, OutputConverterV1, ProgrammedCellsV1, RandomSource } from '@cimkit/core'

/** LRS/HRS as lognormal resistances. */
export interface LognormalDeviceParameters {
  readonly lrsMedianOhm: number
  readonly hrsMedianOhm: number
  /** σ of ln R in both states. */
  readonly sigmaLn: number
}

/**
 * Paper 004 §3.1 checkerboard condition (55 µA SET compliance, 2.5 V RESET, 1 µs): the distributions
 * the paper reads as 1.2 % (1T1R) and 0.2 % (2T2R). The paper prints no resistances; σ(ln R) = 0.5 and
 * ln(HRS/LRS) = 2.257 reproduce both rates with a PCSA decision noise of 0.34 (research/seed-002-004.md
 * B.1.2), LRS ≈ 0.4 V / I_SET = 7.27 kΩ (device-rram's `checkerboard` regime).
 */
export const CHECKERBOARD: LognormalDeviceParameters = { lrsMedianOhm: 0.4 / 55e-6, hrsMedianOhm: (0.4 / 55e-6) * Math.exp(2.257), sigmaLn: 0.5 }
/** PCSA decision noise in ln(R_a/R_b) (seed-002-004.md B.1.2; peripherals' `pcsa` default). */
export const PCSA_SIGMA_LN = 0.34

/**
 * A binary device with lognormal LRS/HRS redrawn at every programming (cycle-to-cycle and
 * device-to-device spread in one σ, as paper 004 Fig. 4(a) plots them). Cost: the `hfo2-2t2r` preset
 * (130 nm, 12 F², 1.2 V read for 10 ns) and V·I·t of the SET pulse (2 V × 55 µA × 1 µs).
 */
export function lognormalBinaryDevice(parameters: LognormalDeviceParameters = CHECKERBOARD): DeviceModelV1 {
  const hrsS = 1 / parameters.hrsMedianOhm
  const lrsS = 1 / parameters.lrsMedianOhm
  const middleS = Math.sqrt(hrsS * lrsS)
  return {
    specificationVersion: 'v1',
    type: 'lognormal-binary',
    conductanceRangeS: { minS: hrsS, maxS: lrsS },
    levelsS: [hrsS, lrsS],
    doProgram(targetsS: Float32Array, random: RandomSource): ProgrammedCellsV1 {
      const noise = new Float64Array(targetsS.length)
      random.fillNormal(noise, 0, parameters.sigmaLn)
      const conductanceS = new Float32Array(targetsS.length)
      for (let index = 0; index < targetsS.length; index++) {
        const median = targetsS[index]! >= middleS ? lrsS : hrsS
        conductanceS[index] = median * Math.exp(-noise[index]!)
      }
      return { conductanceS }
    },
    cost: {
      cellAreaF2: 12,
      technologyNodeNm: 130,
      readVoltageV: 1.2,
      readPulseS: 10e-9,
      writeEnergyPerPulseJ: 2 * 55e-6 * 1e-6,
      writePulseS: 1e-6,
      source: 'test double: paper 004 130 nm, PCSA read 10 ns; 12 F², 1.2 V as in device-rram hfo2-2t2r; SET 2 V × 55 µA × 1 µs',
    },
    toJSON: () => ({ type: 'lognormal-binary', ...parameters }),
  }
}

/**
 * A precharge sense amplifier as peripherals' `pcsa-xnor` behaves (contract in its README): the value's
 * offset from the range centre over the half-range is u = (G_a − G_b)/(G_a + G_b), the decision is
 * ln((1 + u)/(1 − u)) + N(0, σ²) ≥ 0 → range.max, else range.min.
 */
export function pcsaDouble(options: { readonly sigmaLn?: number; readonly convertEnergyJ?: number; readonly latencyS?: number; readonly source?: string } = {}): OutputConverterV1 {
  const sigmaLn = options.sigmaLn ?? PCSA_SIGMA_LN
  const cost: ComponentCostModelV1 = {
    specificationVersion: 'v1',
    componentClass: 'sense-amp-pcsa-xnor',
    energyPerActionJ: { convert: options.convertEnergyJ ?? 0 },
    latencyPerActionS: { convert: options.latencyS ?? 10e-9 },
    leakagePowerW: 0,
    areaMm2: 1e-6,
    source: options.source ?? 'test double: paper 004 PCSA, read ≈ 10 ns (§2.2); energy not modelled',
  }
  return {
    specificationVersion: 'v1',
    type: 'pcsa-xnor',
    bits: 1,
    convert(values: Float32Array, _columns: number, range: ConversionRangeV1, random: RandomSource, out: Float32Array): void {
      const centre = (range.max + range.min) / 2
      const half = (range.max - range.min) / 2
      const limit = 1 - 1e-7
      for (let index = 0; index < values.length; index++) {
        const u = Math.min(limit, Math.max(-limit, (values[index]! - centre) / half))
        const decision = Math.log((1 + u) / (1 - u)) + (sigmaLn > 0 ? sigmaLn * random.nextNormal() : 0)
        out[index] = decision >= 0 ? range.max : range.min
      }
    },
    cost,
    toJSON: () => ({ type: 'pcsa-xnor', sigmaLn }),
  }
}

/** Hardware with the given device and sense amplifier and nothing else. */
export function bnnHardware(device: DeviceModelV1 | null, senseAmp: OutputConverterV1 | null): HardwareV1 {
  return { device, inputEncoder: null, outputConverter: senseAmp, architecture: null, middleware: [], backend: null }
}
