import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { InvalidArgumentError } from '@cimkit/core'
import { z } from 'zod'
import { RramDevice } from '../rram-device.js'
import { rramOptionsSchema } from '../rram-options.js'
import type { RramOptions } from '../rram-options.js'
import { resolveRramParameters } from '../resolve-rram-parameters.js'
import { measuredDeviceDescriptionSchema } from './measured-device-description.js'
import type { MeasuredDeviceDescription } from './measured-device-description.js'
import { measuredOptionsSchema } from './measured-options.js'
import type { MeasuredOptions } from './measured-options.js'

/** Reads and validates a fitted-device JSON file. @since 0.1.0 */
export function readMeasuredDeviceFile(path: string): MeasuredDeviceDescription {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new InvalidArgumentError('file', `cannot read the fitted device ${path}: ${(error as Error).message}`, { cause: error })
  }
  const parsed = measuredDeviceDescriptionSchema.safeParse(raw)
  if (!parsed.success) throw new InvalidArgumentError('file', `${path} is not a fitted device: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}

/** The `rram` options equivalent to a fitted description: per-level mixture or empirical programming error. @since 0.1.0 */
export function measuredToRramOptions(description: MeasuredDeviceDescription): RramOptions {
  const programmingError =
    description.method === 'gaussian-mixture'
      ? { kind: 'mixture' as const, levels: description.levels.map((level) => ({ components: level.components! })) }
      : { kind: 'empirical' as const, levels: description.levels.map((level) => ({ samplesS: level.samplesS! })) }
  return { levels: description.levels.length, programmingError }
}

/**
 * Builds the `measured` device: an RRAM cell whose levels are the fitted level means and whose
 * programming draws from the fitted per-level distributions.
 * @since 0.1.0
 */
export function createMeasuredDevice(options: MeasuredOptions, configDirectory = process.cwd()): RramDevice {
  const parsed = measuredOptionsSchema.parse(options)
  const description = parsed.fitted ?? readMeasuredDeviceFile(resolve(configDirectory, parsed.file!))
  const rramOptions = rramOptionsSchema.parse({
    ...measuredToRramOptions(description),
    ...(parsed.readNoise === undefined ? {} : { readNoise: parsed.readNoise }),
    ...(parsed.stuckOnFraction === undefined ? {} : { stuckOnFraction: parsed.stuckOnFraction }),
    ...(parsed.stuckOffFraction === undefined ? {} : { stuckOffFraction: parsed.stuckOffFraction }),
    ...(parsed.cost === undefined ? {} : { cost: parsed.cost }),
  })
  return new RramDevice('measured', resolveRramParameters(rramOptions), parsed)
}
