import type { PresetV1 } from '@cimkit/core'
import { aihwkitPcmPreset } from './aihwkit-pcm.js'
import { surveyPcmPreset } from './survey-pcm.js'

/** Every preset of @cimkit/device-pcm by config name (`device: { type: pcm, preset: <name> }`). @since 0.1.0 */
export const pcmPresets: Readonly<Record<string, PresetV1>> = {
  'aihwkit-pcm': aihwkitPcmPreset,
  'survey-pcm': surveyPcmPreset,
}
