import type { PresetV1 } from '@cimkit/core'

/**
 * ISAAC-CE, the compute-efficient design point of ISAAC (Shafiee et al., ISCA 2016): 32 nm,
 * 1.2 GHz, 168 tiles × 12 IMAs × 8 crossbars of 128 × 128 2-bit ReRAM cells, 16-bit weights and
 * inputs (1 bit per cycle), one 8-bit 1.28 GS/s SAR ADC per 128 columns, 64 KB eDRAM per tile.
 * Published: 41.3 TOPS, 0.48 TOPS/mm², 0.63 TOPS/W, ADC 49 % of power (survey Table III, §6.5).
 * @since 0.1.0
 */
export const isaacCePreset: PresetV1 = {
  description: 'ISAAC-CE: 168 tiles × 12 IMAs × 8 crossbars 128×128, 2-bit cells, 16-bit bit-serial inputs, 8-bit SAR ADC per 128 columns',
  source: 'Shafiee et al., ISCA 2016 (ISAAC) Table 6 and Sec. 6; survey Xiao et al. 2020 Table III (41.3 TOPS, 0.48 TOPS/mm², 0.63 TOPS/W)',
  config: {
    architecture: {
      type: 'isaac',
      tiles: 168,
      imasPerTile: 12,
      crossbarsPerIma: 8,
      rows: 128,
      columns: 128,
      weightBits: 16,
      bitsPerCell: 2,
      inputBits: 16,
      columnsPerAdc: 128,
      edramBytesPerTile: 65536,
      hyperTransportLinks: 4,
      flippedWeights: true,
      technologyNodeNm: 32,
    },
    device: { type: 'rram', preset: 'isaac-2bit' },
    peripherals: {
      // ISAAC feeds each 16-bit input one bit per 100 ns cycle through 1-bit row drivers.
      dac: { type: 'bit-serial', bits: 16 },
      adc: { type: 'sar', bits: 8, sampleRateHz: 1.28e9, technologyNodeNm: 32 },
    },
  },
}
