import { describe, expect, it } from 'vitest'
import { MeasurementsCsvError } from './measurements-csv-error.js'
import { parseMeasurementsCsv } from './parse-measurements-csv.js'

function lineOf(csv: string, levels?: number): number {
  try {
    parseMeasurementsCsv(csv, levels === undefined ? {} : { levels })
  } catch (error) {
    if (error instanceof MeasurementsCsvError) return error.line
    throw error
  }
  return 0
}

describe('parseMeasurementsCsv', () => {
  it('reads level and conductance_S in any column order, ignoring extra columns, CRLF and blank lines', () => {
    const csv = 'chip,conductance_S,level\r\nA,1.5e-5,0\r\n\r\nB,4.5e-5,1\r\n'
    expect(parseMeasurementsCsv(csv, { levels: 2 })).toEqual([
      { level: 0, conductanceS: 1.5e-5, line: 2 },
      { level: 1, conductanceS: 4.5e-5, line: 4 },
    ])
  })

  it('reads double-quoted fields, with commas and escaped quotes inside', () => {
    const csv = '"level","conductance_S","note"\n"0","1e-5","chip ""A"", die 3"\n1,2e-5,plain\n'
    expect(parseMeasurementsCsv(csv).map((row) => row.conductanceS)).toEqual([1e-5, 2e-5])
  })

  it.each([
    ['an unterminated quote', 'level,conductance_S\n0,1e-5\n1,"2e-5\n', 3],
    ['a header without conductance_S', 'level,g\n0,1e-5\n', 1],
    ['an empty file', '\n\n', 1],
    ['a non-integer level', 'level,conductance_S\n0,1e-5\n1.5,2e-5\n', 3],
    ['a negative level', 'level,conductance_S\n-1,1e-5\n', 2],
    ['a non-numeric conductance', 'level,conductance_S\n0,1e-5\n1,abc\n', 3],
    ['an empty conductance', 'level,conductance_S\n0,\n', 2],
    ['a negative conductance', 'level,conductance_S\n0,-1e-5\n', 2],
    ['a row with too few fields', 'level,conductance_S,chip\n0,1e-5,A\n1,2e-5\n', 3],
    ['only a header', 'level,conductance_S\n', 1],
  ])('rejects %s, naming the line', (_name, csv, line) => {
    expect(lineOf(csv)).toBe(line)
  })

  it('with levels, rejects a level out of range at its line and a level without rows', () => {
    expect(lineOf('level,conductance_S\n0,1e-5\n1,2e-5\n4,3e-5\n', 4)).toBe(4)
    expect(() => parseMeasurementsCsv('level,conductance_S\n0,1e-5\n1,2e-5\n', { levels: 3 })).toThrow(/no rows for level 2/)
  })

  it('says what is wrong in the message', () => {
    expect(() => parseMeasurementsCsv('level,conductance_S\n0,1e-5\nx,2e-5\n')).toThrow('measurements CSV, line 3: level "x" is not a non-negative integer')
  })
})
