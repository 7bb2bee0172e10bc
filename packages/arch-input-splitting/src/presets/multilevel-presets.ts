import type { PresetV1 } from '@cimkit/core'

function multilevelPreset(rows: 64 | 128 | 256, table: string): PresetV1 {
  return {
    description: `2-bit RRAM design of paper 002 Table 1: ${rows}×${rows} arrays of 4-level cells, W2/A4, 5-bit flash ADC per 8 columns`,
    source: `Yin et al., IEEE Micro 2019 (paper 002) Table 1 (NeuroSim, VGG-like CNN, CIFAR-10): ${table}; node not printed, 90 nm (the chip's) assumed`,
    // NOTE: no `dac`: Table 1's drivers sit inside NeuroSim's periphery figures this design fits (README).
    config: {
      architecture: { type: 'input-splitting', design: 'multilevel', rows, weightBits: 2, bitsPerCell: 2, inputBits: 4, columnsPerConverter: 8 },
      device: { type: 'rram', preset: 'winbond-2bit' },
      peripherals: { adc: { type: 'flash', bits: 5, technologyNodeNm: 90, supplyV: 1.2, columnsPerConverter: 8 } },
    },
  }
}

/** @since 0.1.0 */
export const rram2bit64Preset: PresetV1 = multilevelPreset(64, 'area 19.64 mm², 17.35 TOPS/W, 112.38 FPS')
/** @since 0.1.0 */
export const rram2bit128Preset: PresetV1 = multilevelPreset(128, 'area 19.21 mm², 18.52 TOPS/W, 163.72 FPS')
/** @since 0.1.0 */
export const rram2bit256Preset: PresetV1 = multilevelPreset(256, 'area 14.71 mm², 10.95 TOPS/W, 77.36 FPS')
