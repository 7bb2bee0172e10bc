import type { ArrayOrganizationV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { BitSerialEncoder } from '../testing/bit-serial-encoder.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { UniformAdc } from '../testing/uniform-adc.js'
import { programAnalogMatrix } from './program-analog-matrix.js'

const device = new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null })

function run(organization: ArrayOrganizationV1, partialSums: 'digital' | 'analog') {
  const random = createRandomSource(4)
  const weights = new Float32Array(20 * 6)
  random.fillUniform(weights, -1, 1)
  const inputs = new Float32Array(2 * 20)
  random.fillUniform(inputs, -1, 1)
  const matrix = programAnalogMatrix(weights, 20, 6, {
    organization,
    device,
    inputEncoder: new BitSerialEncoder({ bits: 4, signed: true }),
    outputConverter: new UniformAdc({ bits: 8 }),
    backend: referenceBackend,
    random,
    partialSums,
  })
  matrix.mvm(inputs, 2)
  return { ...matrix.activity(), perArray: matrix.arrayActivity() }
}

describe('activity of a small layer equals hand-computed counts', () => {
  // A 20×6 layer on 8×8 arrays, 4-bit two's-complement inputs fed bit-serially (4 cycles), batch 2.
  it('differential 5-bit weights in 2 × 2-bit slices on columns, conversion per input bit, digital partial sums', () => {
    // 4 cell columns per output (pair × 2 slices) → 2 outputs per array → 3 column blocks;
    // 3 row blocks of 8, 8 and 4 rows → 9 arrays. Reads per array: 4 cycles × 2 vectors = 8.
    const { perArray, ...counts } = run({ rows: 8, columns: 8, weightBits: 5, bitsPerCell: 2, inputBits: 4, weightMapping: 'differential', conversion: 'per-input-bit', columnsPerConverter: 8 }, 'digital')
    // The last row block's array (4 rows, 8 cell columns): 8 reads; 2 outputs × 2 slices × 4 cycles × 2 vectors conversions.
    expect(Object.keys(perArray)).toHaveLength(9)
    expect(perArray['r2c1a0']).toEqual({
      array: { mvm: 8, cellRead: 8 * 4 * 8 },
      dac: { drive: 8 * 4 },
      adc: { convert: 32 },
      sampleHold: { sample: 32 },
      shiftAdd: { add: 32 },
    })
    expect(counts).toEqual({
      array: { mvm: 9 * 8, cellRead: 8 * 3 * (8 + 8 + 4) * (2 * 4) },
      dac: { drive: 8 * 3 * (8 + 8 + 4) },
      // Every (row block, column, slice, cycle, vector) is converted: 3·6·2·4·2.
      adc: { convert: 288 },
      sampleHold: { sample: 288 },
      shiftAdd: { add: 288 },
      // One byte per 4-bit value: 2 vectors × 20 inputs read, 2 × 6 outputs written.
      buffer: { readBytes: 40, writeBytes: 12 },
    })
  })

  it('offset-digital 5-bit weights in 3 slices, analog accumulation of input bits and of row blocks', () => {
    // 3 cell columns per output → 2 outputs per array; conversions: 6 columns × 3 slices × 2 vectors;
    // each is added to the result and has its offset subtracted: 2 digital additions.
    const { perArray, ...counts } = run({ rows: 8, columns: 8, weightBits: 5, bitsPerCell: 2, inputBits: 4, weightMapping: 'offset-digital', conversion: 'after-accumulation', columnsPerConverter: 8 }, 'analog')
    expect(perArray['c0analog']).toEqual({ adc: { convert: 12 }, sampleHold: { sample: 12 }, shiftAdd: { add: 24 } })
    expect(counts).toEqual({
      array: { mvm: 9 * 8, cellRead: 8 * 3 * (8 + 8 + 4) * (2 * 3) },
      dac: { drive: 8 * 3 * (8 + 8 + 4) },
      adc: { convert: 36 },
      sampleHold: { sample: 36 },
      shiftAdd: { add: 72 },
      buffer: { readBytes: 40, writeBytes: 12 },
    })
  })
})

describe('calibration is offline profiling', () => {
  it('does not count as activity', () => {
    const random = createRandomSource(6)
    const weights = new Float32Array(16 * 4)
    random.fillUniform(weights, -1, 1)
    const matrix = programAnalogMatrix(weights, 16, 4, {
      organization: { rows: 16, columns: 8, weightBits: 8, bitsPerCell: 7, inputBits: 8, weightMapping: 'differential', conversion: 'per-input-bit', columnsPerConverter: 1 },
      device,
      inputEncoder: null,
      outputConverter: new UniformAdc({ bits: 8 }),
      backend: referenceBackend,
      random,
      adcRange: { mode: 'calibrated' },
    })
    matrix.calibrate(new Float32Array(16 * 4).fill(0.5), 4)
    expect(matrix.activity()).toEqual({})
    matrix.mvm(new Float32Array(16).fill(0.5), 1)
    expect(matrix.activity()['array']).toEqual({ mvm: 1, cellRead: 16 * 8 })
  })
})
