import { describe, expect, it } from 'vitest'
import { requiredAdcBits } from './required-adc-bits.js'

describe('requiredAdcBits (survey Eq. 10)', () => {
  it('ISAAC (1-bit inputs, 2-bit cells, 128 rows): 9 bits, 8 with the flipped-weight encoding', () => {
    expect(requiredAdcBits({ inputBitsPerCycle: 1, bitsPerCell: 2, rows: 128 })).toBe(9)
    expect(requiredAdcBits({ inputBitsPerCycle: 1, bitsPerCell: 2, rows: 128, flippedWeights: true })).toBe(8)
  })

  it('MBM (1-bit, 1-bit, 512 rows): 10 bits; PRIME (3-bit slices, 4-bit cells, 256 rows): 15 bits', () => {
    expect(requiredAdcBits({ inputBitsPerCycle: 1, bitsPerCell: 1, rows: 512 })).toBe(10)
    expect(requiredAdcBits({ inputBitsPerCycle: 3, bitsPerCell: 4, rows: 256 })).toBe(15)
  })

  it('rejects non-integer shapes', () => {
    expect(() => requiredAdcBits({ inputBitsPerCycle: 0, bitsPerCell: 2, rows: 128 })).toThrow(/shape/)
  })
})
