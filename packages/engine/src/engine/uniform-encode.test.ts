import type { ArrayOrganizationV1, ComputeBackendV1, InputEncoderV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { referenceBackend, selectBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { DacEncoder } from '../testing/dac-encoder.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { UniformAdc } from '../testing/uniform-adc.js'
import { programAnalogMatrix } from './program-analog-matrix.js'

// The backend's one-pass encodeUniform (normalization and the encoder's uniform levels) must give
// the same outputs as normalizing in the engine and calling the encoder, bit for bit: each
// backend against itself without the kernel. Inputs hit every edge: zeros of both signs, exact
// ties of the DAC grid, values beyond the input range, negatives for an unsigned DAC.
const fastest: ComputeBackendV1 = selectBackend()
const backends = fastest.name === referenceBackend.name ? [referenceBackend] : [referenceBackend, fastest]

function withoutEncodeUniform(backend: ComputeBackendV1): ComputeBackendV1 {
  const { encodeUniform: _unused, ...rest } = backend
  return rest
}

const encoders: { readonly name: string; readonly create: () => InputEncoderV1; readonly low: number }[] = [
  { name: '8-bit signed DAC', create: () => new DacEncoder({ bits: 8, signed: true }), low: -1 },
  { name: '4-bit unsigned DAC, non-negative inputs', create: () => new DacEncoder({ bits: 4, signed: false }), low: 0 },
  { name: '4-bit unsigned DAC, negative inputs (two passes)', create: () => new DacEncoder({ bits: 4, signed: false }), low: -1 },
]

describe('one-pass uniform encoding (backend encodeUniform) equals the engine normalizing and the encoder encoding, bit for bit', () => {
  for (const encoder of encoders) {
    for (const inputRange of [undefined, 0.75]) {
      it(`${encoder.name}, input range ${inputRange ?? 'calibrated'}`, () => {
        expect(encoder.create().uniformLevels, 'the test double declares its levels').toBeDefined()
        const rows = 40
        const columns = 9
        const batch = 12
        const random = createRandomSource(21)
        const weights = new Float32Array(rows * columns)
        random.stream('weights').fillNormal(weights)
        const inputs = new Float32Array(batch * rows)
        random.stream('inputs').fillUniform(inputs, encoder.low * 1.2, 1.2)
        const specials = [0, -0, 0.5, -0.5, 1 / 15, 7.5 / 15, -7.5 / 15, 63.5 / 127, -63.5 / 127, 2, -2, 0.75, -0.75]
        for (let index = 0; index < inputs.length; index += 7) inputs[index] = encoder.low < 0 || index % 2 === 0 ? specials[(index / 7) % specials.length]! : 0.3
        if (encoder.low === 0) for (let index = 0; index < inputs.length; index++) inputs[index] = Math.abs(inputs[index]!)
        const organization: ArrayOrganizationV1 = { rows: 16, columns: 32, weightBits: 8, bitsPerCell: 2, inputBits: 8, weightMapping: 'differential', conversion: 'per-input-bit', columnsPerConverter: 1 }
        const run = (backend: ComputeBackendV1): Float32Array => {
          const matrix = programAnalogMatrix(weights, rows, columns, {
            organization,
            device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: 4, programmingErrorProportional: 0.03 }),
            inputEncoder: encoder.create(),
            outputConverter: new UniformAdc({ bits: 7, idealUniform: true }),
            backend,
            random: createRandomSource(3),
            adcRange: { mode: 'calibrated', percentile: 99.5, symmetric: 'auto' },
            ...(inputRange === undefined ? {} : { inputRange }),
          })
          matrix.calibrate(inputs, batch)
          return matrix.mvm(inputs, batch)
        }
        for (const backend of backends) {
          const oneRead = run(backend)
          const separate = run(withoutEncodeUniform(backend))
          const difference = Array.from(oneRead).findIndex((value, index) => !Object.is(value, separate[index]))
          expect(difference, `${backend.name}: output ${difference}`).toBe(-1)
          expect(oneRead.some((value) => value !== 0)).toBe(true)
        }
      })
    }
  }

  it('uses the kernel: a backend whose encodeUniform is broken changes the outputs', () => {
    const rows = 8
    const weights = Float32Array.from({ length: rows * 3 }, (_, index) => (index % 5) - 2)
    const inputs = Float32Array.from({ length: rows }, (_, index) => (index - 3.5) / 4)
    const broken: ComputeBackendV1 = { ...referenceBackend, encodeUniform: (params) => { params.planes.fill(0); return false } }
    const run = (backend: ComputeBackendV1): Float32Array =>
      programAnalogMatrix(weights, rows, 3, {
        organization: { rows: 8, columns: 8, weightBits: 4, bitsPerCell: 4, inputBits: 8, weightMapping: 'differential', conversion: 'per-input-bit', columnsPerConverter: 1 },
        device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: 16 }),
        inputEncoder: new DacEncoder({ bits: 8, signed: true }),
        outputConverter: null,
        backend,
        random: createRandomSource(1),
        inputRange: 1,
      }).mvm(inputs, 1)
    expect(Array.from(run(broken)).every((value) => value === 0)).toBe(true)
    expect(Array.from(run(referenceBackend)).some((value) => value !== 0)).toBe(true)
  })
})
