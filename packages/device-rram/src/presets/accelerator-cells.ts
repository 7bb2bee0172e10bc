import type { PresetV1 } from '@cimkit/core'

// Cells of the surveyed accelerators. Their papers model ideal cells; programmingError is 0 here and
// meant to be set by the study (e.g. `programmingError: 0.02`). Write timing and energy are not in
// these sources: the rram defaults (paper 001 §II.2) apply.

// ISAAC and PUMA: 128×128 crossbar of 25 µm² at 32 nm (ISAAC Table, as in PUMA's constants.py), i.e.
// 25 µm² / 16384 cells / (32 nm)² = 1.49 F² per cell; crossbar read 100 ns (PUMA constants).
// NOTE: these windows and 0.2 V do not reproduce ISAAC's 0.3 mW crossbar: V²·G·t at the mid-window
// conductance over 128×128 cells and 100 ns is ~16 nJ (ISAAC, 2 kΩ–2 MΩ) and ~0.36 nJ (PUMA, 100 kΩ–1 MΩ)
// against 30 pJ. Architecture models should take the crossbar energy from the ISAAC table, and the
// cell's window and read voltage for the functional (accuracy, IR-drop) model.
const crossbarCellAreaF2 = 25e-12 / (128 * 128) / (32e-9) ** 2

/** ISAAC's 2-bit ReRAM cell. @since 0.1.0 */
export const isaacTwoBitPreset: PresetV1 = {
  description: 'ISAAC 2-bit ReRAM cell, 2 kΩ–2 MΩ, 32 nm',
  source: 'survey (paper 003) Table III: ISAAC 8 × 2-bit cells, R 2 kΩ–2 MΩ (ref. 65), 32 nm; crossbar 25 µm² per 128×128 (ISAAC via PUMA constants.py); read 0.2 V (CiMLoop ISAAC cell)',
  config: {
    device: {
      type: 'rram',
      levels: 4,
      conductanceRangeS: { minS: 1 / 2e6, maxS: 1 / 2e3 },
      programmingError: 0,
      cost: { cellAreaF2: crossbarCellAreaF2, technologyNodeNm: 32, readVoltageV: 0.2, readPulseS: 100e-9 },
    },
  },
}

/** PUMA's 2-bit ReRAM cell. @since 0.1.0 */
export const pumaTwoBitPreset: PresetV1 = {
  description: 'PUMA 2-bit ReRAM cell, 100 kΩ–1 MΩ, 32 nm',
  source: 'survey (paper 003) Table III: PUMA 8 × 2-bit cells, R 100 kΩ–1 MΩ, 32 nm; crossbar 2.5e-5 mm² per 128×128 and 100 ns read (PUMA constants.py)',
  config: {
    device: {
      type: 'rram',
      levels: 4,
      conductanceRangeS: { minS: 1 / 1e6, maxS: 1 / 100e3 },
      programmingError: 0,
      cost: { cellAreaF2: crossbarCellAreaF2, technologyNodeNm: 32, readVoltageV: 0.2, readPulseS: 100e-9 },
    },
  },
}

/** PRIME's 4-bit ReRAM cell. @since 0.1.0 */
export const primeFourBitPreset: PresetV1 = {
  description: 'PRIME 4-bit ReRAM cell, 1–20 kΩ, 65 nm',
  source: 'survey (paper 003) Table III: PRIME 2 × 4-bit cells, R 1–20 kΩ, 65 nm, 256×256 arrays; 4 F² (survey Table I, ReRAM)',
  config: {
    device: {
      type: 'rram',
      levels: 16,
      conductanceRangeS: { minS: 1 / 20e3, maxS: 1 / 1e3 },
      programmingError: 0,
      cost: { cellAreaF2: 4, technologyNodeNm: 65 },
    },
  },
}
