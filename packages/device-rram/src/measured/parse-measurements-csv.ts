import { MeasurementsCsvError } from './measurements-csv-error.js'

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
 * other columns ignored), then one row per measured cell. Blank lines are skipped. Throws a
 * `MeasurementsCsvError` naming the line of the first malformed row; with `levels`, also rejects a
 * level outside 0..levels−1 and a level with no rows.
 * @example parseMeasurementsCsv('level,conductance_S\n0,1e-5\n1,5e-5\n', { levels: 2 }).length // returns 2
 * @since 0.1.0
 */
export function parseMeasurementsCsv(csvText: string, options: { readonly levels?: number } = {}): Measurement[] {
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/)
  const headerIndex = lines.findIndex((line) => line.trim() !== '')
  if (headerIndex < 0) throw new MeasurementsCsvError(1, 'empty file: expected a header with "level,conductance_S"')
  const header = lines[headerIndex]!.split(',').map((name) => name.trim())
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
    const fields = text.split(',').map((field) => field.trim())
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
