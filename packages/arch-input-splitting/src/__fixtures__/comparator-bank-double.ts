// A behavioural double of peripherals' `voltage-sa` / `sa-flash` (its README "Sense-amplifier physics"):
// the range maps to bit-line volts V_DD·(0.25…0.75), references likewise, each comparator has a static
// offset (σ 0.6 mV) and per-decision noise (σ 0.4 mV) at 1.2 V, both scaled by (1.2 − 0.4)/(V_DD − 0.4)
// (V_T = 0.4 V). Thermometer decoding counts fired comparators; inner codes read back at the midpoint
// of their interval, end codes at the range ends. Those constants are peripherals' fitted ones, not measured.
import type { ComponentCostModelV1, ConversionRangeV1, OutputConverterV1, RandomSource } from '@cimkit/core'

const cost: ComponentCostModelV1 = {
  specificationVersion: 'v1',
  componentClass: 'comparator-bank-double',
  energyPerActionJ: { convert: 0 },
  latencyPerActionS: { convert: 0 },
  leakagePowerW: 0,
  areaMm2: 0,
  source: 'test double: behaviour only',
}

export function comparatorBankDouble(type: string, references: readonly number[], supplyV: number, columnsPerConverter = 8): OutputConverterV1 {
  const sigmaScale = (1.2 - 0.4) / (supplyV - 0.4)
  const offsetStdV = 0.6e-3 * sigmaScale
  const noiseStdV = 0.4e-3 * sigmaScale
  const volts = (fraction: number): number => supplyV * (0.25 + 0.5 * fraction)
  return {
    specificationVersion: 'v1',
    type,
    bits: Math.log2(references.length + 1),
    cost,
    convert(values: Float32Array, columns: number, range: ConversionRangeV1, random: RandomSource, out: Float32Array): void {
      const instances = Math.ceil(columns / columnsPerConverter)
      const offsets = new Float64Array(instances * references.length)
      for (let c = 0; c < instances; c++) for (let k = 0; k < references.length; k++) offsets[c * references.length + k] = offsetStdV * random.stream('mismatch', c, k).nextNormal()
      const span = range.max - range.min
      for (let index = 0; index < values.length; index++) {
        const instance = Math.floor((index % columns) / columnsPerConverter)
        const input = volts(Math.min(1, Math.max(0, (values[index]! - range.min) / span)))
        let fired = 0
        for (let k = 0; k < references.length; k++) if (input - volts(references[k]!) - offsets[instance * references.length + k]! + noiseStdV * random.nextNormal() > 0) fired++
        out[index] = fired === 0 ? range.min : fired === references.length ? range.max : range.min + (span * (references[fired - 1]! + references[fired]!)) / 2
      }
    },
    toJSON: () => ({ type, references, supplyV }),
  }
}

/** The one-reference binary SA: threshold at bit count 0 (fraction 0.5 of a symmetric range). */
export function oneReferenceSaDouble(supplyV: number): OutputConverterV1 {
  return comparatorBankDouble('voltage-sa', [0.5], supplyV)
}

/** A 3-bit flash of 7 SAs with references at bit counts −12, −8, …, 12 of a 63-input group (dense near 0, paper 002's nonlinear ADC). */
export function threeBitFlashDouble(supplyV: number, groupSize = 63): OutputConverterV1 {
  return comparatorBankDouble('sa-flash', [-12, -8, -4, 0, 4, 8, 12].map((count) => (count + groupSize) / (2 * groupSize)), supplyV)
}
