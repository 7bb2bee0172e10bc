import type { ArrayOrganizationV1, ComputeBackendV1, InputEncoderV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { referenceBackend, selectBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import type { WeightMappingName } from '../mapping/weight-encoding.js'
import { BitSerialEncoder } from '../testing/bit-serial-encoder.js'
import { DacEncoder } from '../testing/dac-encoder.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { UniformAdc } from '../testing/uniform-adc.js'
import { programAnalogMatrix } from './program-analog-matrix.js'

// A read that is the only one of its outputs (one weight slice, one row block) converts straight
// into the float32 result (backend convertScaleInto): the same bits as converting into a float64
// accumulator and scaling it, on each backend against itself without the kernel. Several column
// blocks, chunked batches, idle vectors, digital offsets and both drive kinds.
const fastest: ComputeBackendV1 = selectBackend()
const backends = fastest.name === referenceBackend.name ? [referenceBackend] : [referenceBackend, fastest]

function withoutDirect(backend: ComputeBackendV1): ComputeBackendV1 {
  const { convertScaleInto: _unused, ...rest } = backend
  return rest
}

const mappings: WeightMappingName[] = ['differential', 'offset-digital', 'biased-flipped']
// Batches just above two chunks of drive values (2^19 per chunk: rows × planes × vectors).
const encoders: { readonly name: string; readonly create: () => InputEncoderV1; readonly batch: number }[] = [
  { name: '8-bit DAC', create: () => new DacEncoder({ bits: 8, signed: true }), batch: 11000 },
  { name: '5-bit unsigned bit-serial', create: () => new BitSerialEncoder({ bits: 5, signed: false }), batch: 2300 },
]

describe('direct conversion into the result (backend convertScaleInto) equals accumulate-then-scale, bit for bit', () => {
  for (const mapping of mappings) {
    for (const encoder of encoders) {
      it(`${mapping}, ${encoder.name}, several column blocks, two chunks`, () => {
        const rows = 48
        const columns = 70
        const { batch } = encoder
        const random = createRandomSource(8)
        const weights = new Float32Array(rows * columns)
        random.stream('weights').fillNormal(weights)
        const inputs = new Float32Array(batch * rows)
        random.stream('inputs').fillUniform(inputs, 0, 1)
        inputs.fill(0, 0, 2 * rows)
        // One weight slice (bitsPerCell = weightBits), one row block (rows ≤ array rows), several column blocks.
        const organization: ArrayOrganizationV1 = { rows: 64, columns: 64, weightBits: 6, bitsPerCell: 6, inputBits: 8, weightMapping: mapping, conversion: 'per-input-bit', columnsPerConverter: 1 }
        const run = (backend: ComputeBackendV1): Float32Array => {
          const matrix = programAnalogMatrix(weights, rows, columns, {
            organization,
            device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null, programmingErrorProportional: 0.04 }),
            inputEncoder: encoder.create(),
            outputConverter: new UniformAdc({ bits: 7, idealUniform: true }),
            backend,
            random: createRandomSource(4),
            adcRange: { mode: 'calibrated', percentile: 99.9, symmetric: 'auto' },
          })
          expect(matrix.layout.rowBlocks).toBe(1)
          expect(matrix.layout.columnBlocks).toBeGreaterThan(1)
          matrix.calibrate(inputs, batch)
          return matrix.mvm(inputs, batch)
        }
        for (const backend of backends) {
          const direct = run(backend)
          const accumulated = run(withoutDirect(backend))
          const difference = Array.from(direct).findIndex((value, index) => !Object.is(value, accumulated[index]))
          expect(difference, `${backend.name}: output ${difference}`).toBe(-1)
          expect(direct.some((value) => value !== 0)).toBe(true)
        }
      })
    }
  }

  it('uses the kernel when each output has one read, and not with two weight slices', () => {
    let calls = 0
    const counting: ComputeBackendV1 = {
      ...referenceBackend,
      convertScaleInto: (params) => {
        calls++
        referenceBackend.convertScaleInto!(params)
      },
    }
    const program = (bitsPerCell: number): void => {
      const matrix = programAnalogMatrix(Float32Array.from({ length: 16 * 4 }, (_, index) => (index % 7) - 3), 16, 4, {
        organization: { rows: 16, columns: 16, weightBits: 4, bitsPerCell, inputBits: 8, weightMapping: 'differential', conversion: 'per-input-bit', columnsPerConverter: 1 },
        device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: 16 }),
        inputEncoder: new DacEncoder({ bits: 8, signed: true }),
        outputConverter: new UniformAdc({ bits: 8, idealUniform: true }),
        backend: counting,
        random: createRandomSource(1),
        inputRange: 1,
      })
      matrix.mvm(new Float32Array(16).fill(0.5), 1)
    }
    program(4)
    expect(calls).toBe(1)
    program(2)
    expect(calls).toBe(1)
  })
})
