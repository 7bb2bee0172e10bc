import type { PresetV1 } from '@cimkit/core'

/**
 * The PUMA node of Ankit et al. (ASPLOS 2019) as the survey lists it (Xiao et al. 2020, Table III):
 * 32 nm, 1.0 GHz, 128×128 ReRAM crossbars of 2-bit cells (8 per 16-bit weight), R 100 kΩ–1 MΩ,
 * 16-bit inputs fed 1 bit per cycle, SAR ADCs; 138 tiles (PUMA paper Sec. 7, see `pumaOptionsSchema`)
 * × 8 cores × 2 MVMUs with 64 KB of tile memory (PUMA simulator config.py). The ADC is ISAAC's 8-bit 1.28 GS/s SAR, which PUMA's simulator
 * reuses (constants.py "Models from ISAAC"). Published: 26.2 TOPS, 0.29 TOPS/mm², 0.42 TOPS/W with a
 * MAC counted as one operation (survey Table II caption), i.e. PUMA's 577 GOPS/mm² and 837 GOPS/W.
 * @since 0.1.0
 */
export const pumaPreset: PresetV1 = {
  description: 'PUMA: 138 tiles × 8 cores × 2 MVMUs of 8 crossbars 128×128 (2-bit cells), 16-bit bit-serial inputs, one 8-bit SAR ADC per crossbar, 1 GHz',
  source: 'Ankit et al., ASPLOS 2019 (PUMA); PUMA simulator include/config.py and constants.py; survey Xiao et al. 2020 Table III (26.2 TOPS, 0.29 TOPS/mm², 0.42 TOPS/W)',
  config: {
    architecture: {
      type: 'puma',
      tiles: 138,
      coresPerTile: 8,
      mvmusPerCore: 2,
      rows: 128,
      columns: 128,
      weightBits: 16,
      bitsPerCell: 2,
      inputBits: 16,
      columnsPerAdc: 128,
      clockHz: 1e9,
      sharedMemoryBytes: 65536,
      technologyNodeNm: 32,
    },
    device: { type: 'rram', preset: 'puma-2bit' },
    peripherals: {
      dac: { type: 'bit-serial', bits: 16 },
      adc: { type: 'sar', bits: 8, sampleRateHz: 1.28e9, technologyNodeNm: 32 },
    },
  },
}
