import type { ArrayOrganizationV1, InputEncoderV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { requiredAdcBits } from '../mapping/required-adc-bits.js'
import type { WeightMappingName } from '../mapping/weight-encoding.js'
import { BitSerialEncoder } from '../testing/bit-serial-encoder.js'
import { DacEncoder } from '../testing/dac-encoder.js'
import { integerProblem } from '../testing/exact-problem.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { UniformAdc } from '../testing/uniform-adc.js'
import { programAnalogMatrix } from './program-analog-matrix.js'

// Ideal device: exact uniform levels, on/off ratio 1e10 (the G_min offset is 3e-10 of a digit step,
// far below half a converter step), no errors.
const device = new IdealLevelsDevice({ minS: 1e-14, maxS: 1e-4, levels: null })

interface SlicingCase {
  readonly mapping: WeightMappingName
  readonly weightBits: number
  readonly bitsPerCell: number
  readonly sliceLayout: 'columns' | 'arrays'
}

const slicings: SlicingCase[] = [
  { mapping: 'differential', weightBits: 6, bitsPerCell: 2, sliceLayout: 'columns' },
  { mapping: 'differential', weightBits: 6, bitsPerCell: 5, sliceLayout: 'columns' },
  { mapping: 'differential', weightBits: 5, bitsPerCell: 3, sliceLayout: 'arrays' },
  { mapping: 'offset-reference', weightBits: 6, bitsPerCell: 2, sliceLayout: 'columns' },
  { mapping: 'offset-reference', weightBits: 5, bitsPerCell: 3, sliceLayout: 'arrays' },
  { mapping: 'offset-digital', weightBits: 6, bitsPerCell: 2, sliceLayout: 'arrays' },
  { mapping: 'offset-digital', weightBits: 4, bitsPerCell: 4, sliceLayout: 'columns' },
  { mapping: 'biased-flipped', weightBits: 8, bitsPerCell: 2, sliceLayout: 'columns' },
  { mapping: 'biased-flipped', weightBits: 6, bitsPerCell: 3, sliceLayout: 'arrays' },
  { mapping: 'complementary-binary', weightBits: 1, bitsPerCell: 1, sliceLayout: 'columns' },
]

interface EncodingCase {
  readonly name: string
  readonly create: () => InputEncoderV1 | null
  readonly maxInput: number
  readonly signedInputs: boolean
  /** Bits of one converted drive (sign included), per plane and after accumulation. */
  readonly planeBits: number
  readonly accumulatedBits: number
  readonly planesNonNegative: boolean
}

const encodings: EncodingCase[] = [
  { name: 'ideal analog drive', create: () => null, maxInput: 7, signedInputs: true, planeBits: 0, accumulatedBits: 0, planesNonNegative: false },
  { name: '5-bit signed DAC', create: () => new DacEncoder({ bits: 5, signed: true }), maxInput: 15, signedInputs: true, planeBits: 5, accumulatedBits: 5, planesNonNegative: false },
  { name: '4-bit unsigned DAC, sign-magnitude passes', create: () => new DacEncoder({ bits: 4, signed: false }), maxInput: 15, signedInputs: true, planeBits: 4, accumulatedBits: 5, planesNonNegative: true },
  { name: '4-bit unsigned DAC, unsigned inputs', create: () => new DacEncoder({ bits: 4, signed: false }), maxInput: 15, signedInputs: false, planeBits: 4, accumulatedBits: 4, planesNonNegative: true },
  { name: '5-bit bit-serial two’s complement', create: () => new BitSerialEncoder({ bits: 5, signed: true }), maxInput: 15, signedInputs: true, planeBits: 1, accumulatedBits: 5, planesNonNegative: true },
  { name: '5-bit bit-serial sign-magnitude', create: () => new BitSerialEncoder({ bits: 5, signed: true, signedEncoding: 'sign-magnitude' }), maxInput: 15, signedInputs: true, planeBits: 2, accumulatedBits: 5, planesNonNegative: false },
  { name: '4-bit bit-serial unsigned', create: () => new BitSerialEncoder({ bits: 4, signed: false }), maxInput: 15, signedInputs: false, planeBits: 1, accumulatedBits: 4, planesNonNegative: true },
]

const arrayRows = 16

describe('ideal devices and Eq. 10 converters reproduce the integer product bit-exactly (survey Eq. 8–10)', () => {
  let caseIndex = 0
  for (const slicing of slicings) {
    for (const encoding of encodings) {
      for (const conversion of ['per-input-bit', 'after-accumulation'] as const) {
        for (const withAdc of [false, true]) {
          if (withAdc && encoding.planeBits === 0) continue
          const seed = caseIndex++
          const title = `${slicing.mapping} ${slicing.weightBits}b/${slicing.bitsPerCell}b-cell (${slicing.sliceLayout}), ${encoding.name}, ${conversion}, ${withAdc ? 'Eq. 10 ADC' : 'ideal readout'}`
          it(title, () => {
            const random = createRandomSource(1000 + seed)
            const binary = slicing.mapping === 'complementary-binary'
            const maxWeight = binary ? 1 : 2 ** (slicing.weightBits - 1) - 1
            const perPlane = conversion === 'per-input-bit'
            const signedDigits = slicing.mapping === 'differential' || slicing.mapping === 'offset-reference' || binary
            const digitBits = slicing.bitsPerCell + (signedDigits ? 1 : 0)
            const driveBits = perPlane ? encoding.planeBits : encoding.accumulatedBits
            const flipped = slicing.mapping === 'biased-flipped' && encoding.planesNonNegative && perPlane
            const organization: ArrayOrganizationV1 = {
              rows: arrayRows,
              columns: 12,
              weightBits: slicing.weightBits,
              bitsPerCell: slicing.bitsPerCell,
              inputBits: 5,
              weightMapping: slicing.mapping,
              conversion,
              columnsPerConverter: 1,
            }
            for (let trial = 0; trial < 3; trial++) {
              const problem = integerProblem(random.stream('problem', trial), { maxRows: 40, maxColumns: 9, batch: 3 }, maxWeight, encoding.maxInput, encoding.signedInputs, binary)
              // The last trial adds the row blocks' currents in analog (one conversion over all rows);
              // flipped columns are decoded per array, so they always add digitally.
              const partialSums = trial === 2 && slicing.mapping !== 'biased-flipped' ? 'analog' : 'digital'
              const rowsPerConversion = partialSums === 'analog' ? problem.rows : Math.min(arrayRows, problem.rows)
              const bits = requiredAdcBits({ inputBits: driveBits || 1, cellBits: digitBits, rows: rowsPerConversion, flippedEncoding: flipped })
              const matrix = programAnalogMatrix(problem.weights, problem.rows, problem.columns, {
                organization,
                device,
                inputEncoder: encoding.create(),
                // Trial 1 converts through `convert`; the others through the engine's fused ideal-uniform path.
                outputConverter: withAdc ? new UniformAdc({ bits, idealUniform: trial !== 1 }) : null,
                backend: referenceBackend,
                random: random.stream('hardware', trial),
                inputRange: encoding.maxInput,
                sliceLayout: slicing.sliceLayout,
                partialSums,
              })
              const output = matrix.mvm(problem.inputs, problem.batch)
              const accumulationScale = problem.rows * encoding.maxInput * 2 ** slicing.weightBits
              for (let index = 0; index < output.length; index++) {
                const expected = problem.expected[index]!
                if (withAdc) {
                  // Bit-exact: the recovered integer equals the product. What remains is float32
                  // representation of non-integer drive units (k/L) and the 3e-10-per-row G_min residue.
                  expect(Math.round(output[index]!) + 0, `element ${index}`).toBe(expected + 0)
                  expect(Math.abs(output[index]! - expected)).toBeLessThan(1e-3 + 1e-7 * accumulationScale)
                } else {
                  expect(Math.abs(output[index]! - expected)).toBeLessThan(1e-4 * (1 + Math.abs(expected)) + 1e-3)
                }
              }
            }
          })
        }
      }
    }
  }
})
