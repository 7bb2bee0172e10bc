import { InvalidArgumentError, mergeDefaults } from '@cimkit/core'
import { PcmDevice } from './pcm-device.js'
import { pcmOptionsSchema } from './pcm-options.js'
import { pcmPresets } from './presets/pcm-presets.js'

/**
 * Builds a `pcm` device from a preset name and overrides, the way a config
 * `device: { type: pcm, preset, ...overrides }` resolves.
 * @example createPcmDevice('aihwkit-pcm', { drift: { scale: 0 } }).conductanceRangeS.maxS // returns 2.5e-5
 * @since 0.1.0
 */
export function createPcmDevice(preset: keyof typeof pcmPresets & string, overrides: Record<string, unknown> = {}): PcmDevice {
  const base = pcmPresets[preset]?.config.device
  if (base === undefined) throw new InvalidArgumentError('preset', `unknown pcm preset "${preset}" (available: ${Object.keys(pcmPresets).join(', ')})`)
  const { type: _type, ...options } = mergeDefaults(base, overrides) as Record<string, unknown>
  return new PcmDevice(pcmOptionsSchema.parse(options))
}
