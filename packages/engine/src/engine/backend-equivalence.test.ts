import type { ArrayOrganizationV1, ComputeBackendV1, InputEncoderV1, OutputConverterV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { BackendUnavailableError, createNativeBackend, createWasmBackend, referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { BitSerialEncoder } from '../testing/bit-serial-encoder.js'
import { DacEncoder } from '../testing/dac-encoder.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { UniformAdc } from '../testing/uniform-adc.js'
import type { EngineOptions } from './engine-options.js'
import { programAnalogMatrix } from './program-analog-matrix.js'

// Every backend against the reference, with the same seed: the engine's fast paths (prepared
// weights, one-pass encoding, fused conversion) and the backends' GEMMs may round differently
// in float32, nothing more. Without a converter the outputs agree within float32 error. With an
// 8-bit ADC the calibrated range itself comes out of the GEMMs (last-bit differences in every
// level), and a last-bit difference may move a value across a code boundary: nearly all outputs
// agree within float32 error, a few by a code step (under 1 % of full scale for 8 bits).
function fastBackends(): { readonly name: string; readonly backend: ComputeBackendV1 }[] {
  const backends = [{ name: 'wasm-simd', backend: createWasmBackend() }]
  for (const [name, options] of [['native (best ISA)', {}], ['native (scalar)', { isa: 'scalar' as const }], ['native (one thread)', { threads: 1 }]] as const) {
    try {
      backends.push({ name, backend: createNativeBackend(options) })
    } catch (error) {
      // A machine without a compiler (CIMKIT_ALLOW_NO_NATIVE) checks the others.
      if (!(error instanceof BackendUnavailableError) || process.env.CIMKIT_ALLOW_NO_NATIVE !== '1') throw error
    }
  }
  return backends
}

interface Scenario {
  readonly name: string
  readonly slices: 1 | 4
  readonly encoder: () => InputEncoderV1
  readonly converter: () => OutputConverterV1 | null
  readonly engine: EngineOptions
  readonly readNoise?: number
}

const scenarios: Scenario[] = [
  { name: '8-bit DAC, ideal readout', slices: 1, encoder: () => new DacEncoder({ bits: 8, signed: true }), converter: () => null, engine: {} },
  { name: '4 weight slices, bit-serial inputs, ideal readout', slices: 4, encoder: () => new BitSerialEncoder({ bits: 6, signed: true, signedEncoding: 'sign-magnitude' }), converter: () => null, engine: {} },
  { name: 'per-read noise, ideal readout', slices: 1, encoder: () => new DacEncoder({ bits: 8, signed: true }), converter: () => null, engine: {}, readNoise: 0.02 },
  { name: 'wire resistance 1 Ω, ideal readout', slices: 1, encoder: () => new DacEncoder({ bits: 8, signed: true }), converter: () => null, engine: { wireResistanceOhm: 1 } },
  { name: '8-bit DAC, calibrated 8-bit ADC', slices: 1, encoder: () => new DacEncoder({ bits: 8, signed: true }), converter: () => new UniformAdc({ bits: 8, idealUniform: true }), engine: { adcRange: { mode: 'calibrated', percentile: 99.99 } } },
  { name: '4 slices, bit-serial, calibrated 8-bit ADC', slices: 4, encoder: () => new BitSerialEncoder({ bits: 6, signed: true, signedEncoding: 'sign-magnitude' }), converter: () => new UniformAdc({ bits: 8, idealUniform: true }), engine: { adcRange: { mode: 'calibrated', percentile: 99.99 } } },
]

function run(backend: ComputeBackendV1, scenario: Scenario): Float32Array {
  const rows = 96
  const columns = 40
  const batch = 16
  const random = createRandomSource(17)
  const weights = new Float32Array(rows * columns)
  random.stream('weights').fillNormal(weights)
  const inputs = new Float32Array(batch * rows)
  random.stream('inputs').fillUniform(inputs, -1, 1)
  const organization: ArrayOrganizationV1 = {
    rows: 64,
    columns: 64 * scenario.slices,
    weightBits: 8,
    bitsPerCell: scenario.slices === 4 ? 2 : 7,
    inputBits: 8,
    weightMapping: 'differential',
    conversion: 'per-input-bit',
    columnsPerConverter: 1,
  }
  const matrix = programAnalogMatrix(weights, rows, columns, {
    ...scenario.engine,
    organization,
    device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null, programmingErrorProportional: 0.05, ...(scenario.readNoise === undefined ? {} : { readNoiseProportional: scenario.readNoise }) }),
    inputEncoder: scenario.encoder(),
    outputConverter: scenario.converter(),
    backend,
    random: random.stream('program'),
  })
  matrix.calibrate(inputs, batch)
  matrix.mvm(inputs, batch)
  return matrix.mvm(inputs, batch)
}

describe('every backend gives the reference backend’s results within float32 rounding, same seed', () => {
  const backends = fastBackends()
  for (const scenario of scenarios) {
    it(scenario.name, () => {
      const expected = run(referenceBackend, scenario)
      const scale = Math.max(...Array.from(expected, Math.abs))
      expect(scale).toBeGreaterThan(0)
      for (const { name, backend } of backends) {
        const actual = run(backend, scenario)
        if (scenario.converter() === null) {
          // A dot product of 96 terms in float32: well under 1e-5 of the largest output.
          const worst = Math.max(...Array.from(actual, (value, index) => Math.abs(value - expected[index]!)))
          expect(worst, name).toBeLessThan(1e-5 * scale)
        } else {
          const errors = Array.from(actual, (value, index) => Math.abs(value - expected[index]!))
          const offFloat = errors.filter((error) => error >= 1e-5 * scale).length
          expect(offFloat / actual.length, `${name}: share of outputs beyond float32 rounding`).toBeLessThan(0.02)
          expect(Math.max(...errors), `${name}: largest difference`).toBeLessThan(0.02 * scale)
        }
      }
    })
  }
})
