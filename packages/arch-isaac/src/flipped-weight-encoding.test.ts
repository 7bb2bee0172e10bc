import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { decodeFlippedSum, flipColumns } from './flipped-weight-encoding.js'

describe('ISAAC flipped-weight encoding', () => {
  const rows = 128
  const columns = 64
  const random = createRandomSource(7)
  const levels = new Uint8Array(rows * columns)
  // half the columns lean high (levels 2–3), half low (0–1)
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) levels[row * columns + column] = (column % 2 === 0 ? 2 : 0) + (random.nextUniform() < 0.5 ? 1 : 0)
  }
  const encoded = flipColumns(levels, rows, columns, 2)

  it('flips exactly the columns whose all-ones sum exceeds half of full scale', () => {
    for (let column = 0; column < columns; column++) expect(encoded.flipped[column]).toBe(column % 2 === 0 ? 1 : 0)
  })

  it('keeps every stored column within 8 bits for 128 rows of 2-bit cells (survey Eq. 10: 9 → 8)', () => {
    for (let column = 0; column < columns; column++) {
      let sum = 0
      for (let row = 0; row < rows; row++) sum += encoded.levels[row * columns + column]!
      expect(sum).toBeLessThanOrEqual(255)
    }
  })

  it('decodes every dot product with a 1-bit input plane exactly', () => {
    for (let trial = 0; trial < 8; trial++) {
      const inputs = new Uint8Array(rows)
      let inputSum = 0
      for (let row = 0; row < rows; row++) {
        inputs[row] = random.nextUniform() < 0.5 ? 1 : 0
        inputSum += inputs[row]!
      }
      for (let column = 0; column < columns; column++) {
        let expected = 0
        let stored = 0
        for (let row = 0; row < rows; row++) {
          expected += inputs[row]! * levels[row * columns + column]!
          stored += inputs[row]! * encoded.levels[row * columns + column]!
        }
        expect(decodeFlippedSum(stored, inputSum, 2, encoded.flipped[column] === 1)).toBe(expected)
      }
    }
  })

  it('rejects a level array of the wrong size', () => {
    expect(() => flipColumns(new Uint8Array(3), 2, 2, 2)).toThrow(/levels/)
  })
})
