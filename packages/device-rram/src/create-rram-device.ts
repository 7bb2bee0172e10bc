import { rramOptionsSchema } from './rram-options.js'
import type { RramOptions } from './rram-options.js'
import { RramDevice } from './rram-device.js'
import { resolveRramParameters } from './resolve-rram-parameters.js'

/**
 * Builds an `rram` device from options as a config would give them (validated here).
 * @example createRramDevice({ levels: 4 }).levelsS // returns [1e-5, 4e-5, 7e-5, 1e-4]
 * @since 0.1.0
 */
export function createRramDevice(options: RramOptions = {}): RramDevice {
  const parsed = rramOptionsSchema.parse(options)
  return new RramDevice('rram', resolveRramParameters(parsed), parsed)
}
