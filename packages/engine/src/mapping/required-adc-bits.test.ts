import { createRandomSource } from '@cimkit/core'
import type { ArrayOrganizationV1 } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { programAnalogMatrix } from '../engine/program-analog-matrix.js'
import { BitSerialEncoder } from '../testing/bit-serial-encoder.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { UniformAdc } from '../testing/uniform-adc.js'
import { largestDotProduct, requiredAdcBits } from './required-adc-bits.js'

describe('survey Eq. 10: required ADC resolution', () => {
  it('seed-003 §6.2 worked examples: ISAAC 9 (8 flipped), MBM 10, PRIME 15', () => {
    expect(requiredAdcBits({ inputBits: 1, cellBits: 2, rows: 128 })).toBe(9)
    expect(requiredAdcBits({ inputBits: 1, cellBits: 2, rows: 128, flippedEncoding: true })).toBe(8)
    expect(requiredAdcBits({ inputBits: 1, cellBits: 1, rows: 512 })).toBe(10)
    expect(requiredAdcBits({ inputBits: 3, cellBits: 4, rows: 256 })).toBe(15)
  })

  it('is the smallest resolution holding the largest dot product, for power-of-two rows', () => {
    for (const inputBits of [1, 2, 3, 4, 8]) {
      for (const cellBits of [1, 2, 3, 4]) {
        for (const rows of [1, 2, 16, 128, 1024]) {
          for (const flippedEncoding of [false, true]) {
            const bits = requiredAdcBits({ inputBits, cellBits, rows, flippedEncoding })
            const largest = largestDotProduct({ inputBits, cellBits, rows, flippedEncoding })
            expect(largest, `${inputBits}/${cellBits}/${rows}/${flippedEncoding}`).toBeLessThanOrEqual(2 ** bits - 1)
            if (!(flippedEncoding && rows === 1 && inputBits === 1 && cellBits === 1)) expect(largest).toBeGreaterThan(2 ** (bits - 1) - 1)
          }
        }
      }
    }
  })

  it('rejects non-positive operands', () => {
    expect(() => requiredAdcBits({ inputBits: 0, cellBits: 2, rows: 128 })).toThrow(/inputBits/)
  })
})

describe('ISAAC flipped encoding in the engine: 1-bit inputs, 2-bit cells, 128 rows (ISAAC, Shafiee et al. ISCA 2016)', () => {
  const device = new IdealLevelsDevice({ minS: 1e-14, maxS: 1e-4, levels: null })
  const organization = (weightMapping: string): ArrayOrganizationV1 => ({
    rows: 128,
    columns: 128,
    weightBits: 8,
    bitsPerCell: 2,
    inputBits: 4,
    weightMapping,
    conversion: 'per-input-bit',
    columnsPerConverter: 128,
  })
  const run = (weightMapping: string, adcBits: number, weights: Float32Array, inputs: Float32Array, columns: number, batch: number): Float32Array =>
    programAnalogMatrix(weights, 128, columns, {
      organization: organization(weightMapping),
      device,
      inputEncoder: new BitSerialEncoder({ bits: 4, signed: false }),
      outputConverter: new UniformAdc({ bits: adcBits }),
      backend: referenceBackend,
      random: createRandomSource(3),
      inputRange: 15,
    }).mvm(inputs, batch)

  // Near the worst case of Eq. 10: every stored digit 3 (u = 255, i.e. weight +127) and every input
  // bit 1 except on one row, so each conversion sees the odd sum 127·3 = 381 > 255.
  const worstWeights = new Float32Array(128 * 4).fill(127)
  const worstInputs = new Float32Array(128).fill(15)
  worstInputs[0] = 0
  const worstProduct = 127 * 127 * 15

  it('unflipped biased weights need 9 bits: exact at 9, wrong at 8', () => {
    expect(Array.from(run('offset-digital', 9, worstWeights, worstInputs, 4, 1))).toEqual([worstProduct, worstProduct, worstProduct, worstProduct])
    expect(run('offset-digital', 8, worstWeights, worstInputs, 4, 1)[0]).not.toBe(worstProduct)
  })

  it('flipped columns are exact with 8 bits, also for random weights and inputs', () => {
    expect(Array.from(run('biased-flipped', 8, worstWeights, worstInputs, 4, 1))).toEqual([worstProduct, worstProduct, worstProduct, worstProduct])
    const random = createRandomSource(17)
    const columns = 40
    const batch = 4
    const weights = Float32Array.from({ length: 128 * columns }, () => Math.floor(random.nextUniform() * 255) - 127)
    weights[0] = 127
    const inputs = Float32Array.from({ length: 128 * batch }, () => Math.floor(random.nextUniform() * 16))
    inputs[0] = 15
    const output = run('biased-flipped', 8, weights, inputs, columns, batch)
    for (let vector = 0; vector < batch; vector++) {
      for (let column = 0; column < columns; column++) {
        let expected = 0
        for (let row = 0; row < 128; row++) expected += inputs[vector * 128 + row]! * weights[row * columns + column]!
        expect(output[vector * columns + column]).toBe(expected)
      }
    }
  })
})
