import type { PresetV1 } from '@cimkit/core'

/**
 * PipeLayer (Song, Qian, Li, Chen, HPCA 2017): 128 × 128 ReRAM subarrays of 4-bit cells, 16-bit
 * weights over 4 cells, 16-bit inputs as weighted spikes, integrate-and-fire readout (no ADC/DAC),
 * inference pipeline; switch `mode: training` for the training pipeline with batch 64. Subarray
 * counts are defaults sized like ISAAC-CE, not paper figures. The device is the 4-bit `prime-4bit`
 * ReRAM cell, the closest shipped preset to PipeLayer's 4-bit cells.
 * @since 0.1.0
 */
export const pipeLayerPreset: PresetV1 = {
  description: 'PipeLayer: 128×128 subarrays of 4-bit ReRAM cells, 16-bit weights and spike-coded inputs, integrate-and-fire outputs, layer pipeline',
  source: 'Song et al., HPCA 2017 (PipeLayer) via Krestinskaya et al. Table I row [12] (128×128, 4-bit cells, 16b/16b serial) and Xiao et al. 2020 §VI F, §VII C (W/Wᵀ copies, ΔW buffer, circular FIFOs)',
  config: {
    architecture: { type: 'pipelayer', mode: 'inference', rows: 128, columns: 128, weightBits: 16, bitsPerCell: 4, inputBits: 16, batchSize: 64 },
    device: { type: 'rram', preset: 'prime-4bit' },
    peripherals: {
      dac: { type: 'spike', bits: 16 },
      adc: { type: 'integrate-fire' },
    },
  },
}
