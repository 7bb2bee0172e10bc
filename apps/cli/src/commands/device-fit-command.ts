import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CimkitError } from '@cimkit/core'
import { fitMeasuredDevice, MeasurementsCsvError } from '@cimkit/device-rram'

/** Flags of `cimkit device fit`. @since 0.1.0 */
export interface DeviceFitFlags {
  readonly levels?: string
  readonly method?: string
  readonly components?: string
  readonly out?: string
}

/**
 * `cimkit device fit measurements.csv --levels 4 --out my-device.json`: fits a per-level Gaussian
 * mixture by EM (or keeps the empirical samples) and writes a device description that any config
 * can use as `device: { type: measured, file: ./my-device.json }`. The file appears only complete.
 * @since 0.1.0
 */
export function deviceFitCommand(csvPath: string, flags: DeviceFitFlags): void {
  const levels = Number(flags.levels)
  if (!Number.isInteger(levels) || levels < 2) throw new CimkitError(`--levels: expected an integer ≥ 2, got "${String(flags.levels)}"`)
  const method = flags.method ?? 'gaussian-mixture'
  if (method !== 'gaussian-mixture' && method !== 'empirical') throw new CimkitError(`--method: expected gaussian-mixture or empirical, got "${method}"`)
  const components = flags.components === undefined ? undefined : Number(flags.components)
  if (components !== undefined && (!Number.isInteger(components) || components < 1)) throw new CimkitError(`--components: expected a positive integer, got "${String(flags.components)}"`)
  if (flags.out === undefined) throw new CimkitError('--out <file.json> is required')
  let text: string
  try {
    text = readFileSync(csvPath, 'utf8')
  } catch (error) {
    throw new CimkitError(`${csvPath}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error })
  }
  let description
  try {
    description = fitMeasuredDevice(text, { levels, method, ...(components === undefined ? {} : { components }), source: csvPath })
  } catch (error) {
    if (error instanceof MeasurementsCsvError || CimkitError.isInstance(error)) throw new CimkitError(`${csvPath}: ${(error as Error).message}`, { cause: error })
    throw error
  }
  const target = resolve(flags.out)
  const staging = `${target}.partial-${process.pid}`
  writeFileSync(staging, `${JSON.stringify(description, null, 2)}\n`)
  renameSync(staging, target)
  const summary = description.levels.map((level) => `  level ${level.level}: ${level.count} cells, mean ${level.meanS.toExponential(3)} S, σ ${level.stdS.toExponential(3)} S`)
  process.stdout.write(`fitted ${levels} levels (${method}) from ${csvPath} → ${target}\n${summary.join('\n')}\n`)
}
