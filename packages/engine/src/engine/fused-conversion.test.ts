import type { ArrayOrganizationV1, InputEncoderV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import type { ComputeBackendV1 } from '@cimkit/core'
import { referenceBackend, selectBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import type { WeightMappingName } from '../mapping/weight-encoding.js'
import { BitSerialEncoder } from '../testing/bit-serial-encoder.js'
import { DacEncoder } from '../testing/dac-encoder.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { UniformAdc } from '../testing/uniform-adc.js'
import type { EngineOptions } from './engine-options.js'
import { programAnalogMatrix } from './program-analog-matrix.js'

// Non-integer column values (programming error, per-read noise) and calibrated, unaligned
// converter ranges put values on every side of the rounding points: the backend's one-pass
// convertAccumulate (reference, and the fastest available backend) must give the same float32
// outputs as `convert` followed by the engine's digital steps.
const fastest: ComputeBackendV1 = selectBackend()
const fusedBackends = fastest.name === referenceBackend.name ? [referenceBackend] : [referenceBackend, fastest]
const mappings: WeightMappingName[] = ['biased-flipped', 'differential', 'offset-digital', 'offset-reference']
const encoders: { readonly name: string; readonly create: () => InputEncoderV1; readonly signed: boolean }[] = [
  { name: '6-bit bit-serial', create: () => new BitSerialEncoder({ bits: 6, signed: false }), signed: false },
  { name: '5-bit two’s-complement bit-serial', create: () => new BitSerialEncoder({ bits: 5, signed: true }), signed: true },
  { name: '4-bit DAC', create: () => new DacEncoder({ bits: 4, signed: false }), signed: false },
]
const ranges: EngineOptions['adcRange'][] = [{ mode: 'max' }, { mode: 'calibrated', percentile: 99, symmetric: 'auto' }]

describe('fused ideal-uniform conversion (backend convertAccumulate) equals convert + digital steps, bit for bit', () => {
  for (const mapping of mappings) {
    for (const encoder of encoders) {
      for (const adcRange of ranges) {
        for (const readNoise of [0, 0.03]) {
          it(`${mapping}, ${encoder.name}, ${adcRange!.mode} range, read noise ${readNoise}`, () => {
            const rows = 37
            const columns = 11
            const random = createRandomSource(5)
            const weights = new Float32Array(rows * columns)
            random.stream('weights').fillNormal(weights)
            const batch = 9
            const inputs = new Float32Array(batch * rows)
            random.stream('inputs').fillUniform(inputs, encoder.signed ? -1 : 0, 1)
            // Vectors that drive no row at all, and small ones whose high bit planes are all zero.
            inputs.fill(0, 0, rows)
            inputs.fill(0, 3 * rows, 4 * rows)
            for (let row = 0; row < rows; row++) inputs[5 * rows + row]! *= 0.05
            const device = new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: 4, programmingErrorProportional: 0.04, readNoiseProportional: readNoise })
            const organization: ArrayOrganizationV1 = {
              rows: 16,
              columns: 64,
              weightBits: 8,
              bitsPerCell: 2,
              inputBits: 6,
              weightMapping: mapping,
              conversion: 'per-input-bit',
              columnsPerConverter: 1,
            }
            const run = (idealUniform: boolean, backend: ComputeBackendV1): Float32Array => {
              const matrix = programAnalogMatrix(weights, rows, columns, {
                organization,
                device,
                inputEncoder: encoder.create(),
                outputConverter: new UniformAdc({ bits: 6, idealUniform }),
                backend,
                random: createRandomSource(11),
                adcRange,
              })
              matrix.calibrate(inputs, batch)
              return matrix.mvm(inputs, batch)
            }
            // Each backend against its own unfused path: GEMMs of different backends may round differently.
            for (const backend of fusedBackends) expect(Array.from(run(true, backend)), backend.name).toEqual(Array.from(run(false, backend)))
            const unfused = run(false, referenceBackend)
            // And the product is not trivial: the outputs track x·W.
            expect(unfused.some((value) => value !== 0)).toBe(true)
          })
        }
      }
    }
  }
})
