import type { PresetV1 } from '@cimkit/core'
import { isaacTwoBitPreset, primeFourBitPreset, pumaTwoBitPreset } from './accelerator-cells.js'
import { aihwkitReramPreset } from './aihwkit-reram.js'
import { hfo2TwoTransistorTwoResistorPreset } from './hfo2-2t2r.js'
import { toyAnalogPreset, toyBinaryPreset } from './toy-model.js'
import { winbondBinary12kPreset, winbondBinary24kPreset, winbondBinary6kPreset, winbondTwoBitPreset } from './winbond.js'

/** Every preset of @cimkit/device-rram by config name (`device: { type: rram, preset: <name> }`). @since 0.1.0 */
export const rramPresets: Readonly<Record<string, PresetV1>> = {
  'toy-analog': toyAnalogPreset,
  'toy-binary': toyBinaryPreset,
  'hfo2-2t2r': hfo2TwoTransistorTwoResistorPreset,
  'winbond-binary-6k': winbondBinary6kPreset,
  'winbond-binary-12k': winbondBinary12kPreset,
  'winbond-binary-24k': winbondBinary24kPreset,
  'winbond-2bit': winbondTwoBitPreset,
  'isaac-2bit': isaacTwoBitPreset,
  'puma-2bit': pumaTwoBitPreset,
  'prime-4bit': primeFourBitPreset,
  'aihwkit-reram': aihwkitReramPreset,
}
