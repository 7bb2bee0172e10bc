import { MeasurementsCsvError } from './measurements-csv-error.js'

/**
 * Splits one CSV record (RFC 4180 quoting: a field in double quotes may hold commas, `""` is a
 * quote); `null` for an unterminated quote.
 */
function splitCsvLine(text: string): string[] | null {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (character === '"') quoted = false
      else field += character
    } else if (character === '"') quoted = true
    else if (character === ',') {
      fields.push(field.trim())
      field = ''
    } else field += character
  }
  if (quoted) return null
  fields.push(field.trim())
  return fields
}

/** One measured cell. @since 0.1.0 */
export interface Measurement {
  /** Index of the level the cell was programmed to (0 = lowest conductance). */
  readonly level: number
  /** Measured conductance, siemens. */
  readonly conductanceS: number
  /** 1-based line of the CSV it came from. */
  readonly line: number
}

/**
 * Parses a measurements CSV: a header naming at least `level` and `conductance_S` (any order,
 * other columns ignored), then one row per measured cell. Fields may be double-quoted; blank lines
 * are skipped. Throws a
 * `MeasurementsCsvError` naming the line of the first malformed row; with `levels`, also rejects a
 * level outside 0..levels−1 and a level with no rows.
 * @example parseMeasurementsCsv('level,conductance_S\n0,1e-5\n1,5e-5\n', { levels: 2 }).length // returns 2
 * @since 0.1.0
 */
export function parseMeasurementsCsv(csvText: string, options: { readonly levels?: number } = {}): Measurement[] {
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/)
  const headerIndex = lines.findIndex((line) => line.trim() !== '')
  if (headerIndex < 0) throw new MeasurementsCsvError(1, 'empty file: expected a header with "level,conductance_S"')
  const header = splitCsvLine(lines[headerIndex]!)
  if (header === null) throw new MeasurementsCsvError(headerIndex + 1, 'unterminated double quote')
  const levelColumn = header.indexOf('level')
  const conductanceColumn = header.indexOf('conductance_S')
  if (levelColumn < 0 || conductanceColumn < 0) {
    const missing = [levelColumn < 0 ? '"level"' : null, conductanceColumn < 0 ? '"conductance_S"' : null].filter(Boolean).join(' and ')
    throw new MeasurementsCsvError(headerIndex + 1, `header lacks the column ${missing} (found: ${header.join(', ')})`)
  }
  const measurements: Measurement[] = []
  for (let index = headerIndex + 1; index < lines.length; index++) {
    const text = lines[index]!
    if (text.trim() === '') continue
    const line = index + 1
    const fields = splitCsvLine(text)
    if (fields === null) throw new MeasurementsCsvError(line, 'unterminated double quote')
    if (fields.length !== header.length) throw new MeasurementsCsvError(line, `${fields.length} fields, the header has ${header.length}`)
    const levelText = fields[levelColumn]!
    const level = Number(levelText)
    if (levelText === '' || !Number.isInteger(level) || level < 0) throw new MeasurementsCsvError(line, `level "${levelText}" is not a non-negative integer`)
    if (options.levels !== undefined && level >= options.levels) throw new MeasurementsCsvError(line, `level ${level} is outside 0..${options.levels - 1}`)
    const conductanceText = fields[conductanceColumn]!
    const conductanceS = Number(conductanceText)
    if (conductanceText === '' || !Number.isFinite(conductanceS) || conductanceS < 0) {
      throw new MeasurementsCsvError(line, `conductance_S "${conductanceText}" is not a finite non-negative number (siemens)`)
    }
    measurements.push({ level, conductanceS, line })
  }
  if (measurements.length === 0) throw new MeasurementsCsvError(headerIndex + 1, 'no measurement rows after the header')
  if (options.levels !== undefined) {
    const seen = new Set(measurements.map((measurement) => measurement.level))
    for (let level = 0; level < options.levels; level++) {
      if (!seen.has(level)) throw new MeasurementsCsvError(lines.length, `no rows for level ${level} of ${options.levels}`)
    }
  }
  return measurements
}
