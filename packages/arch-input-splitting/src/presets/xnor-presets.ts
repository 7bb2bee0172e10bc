import type { PresetV1 } from '@cimkit/core'

const SOURCE = 'Yin et al., "Monolithically Integrated RRAM- and CMOS-Based In-Memory Computing Optimizations for Efficient Deep Learning", IEEE Micro 39(6), 2019 (paper 002)'

/**
 * Nonlinear 3-bit references, dense near bit count 0 where partial sums cluster (paper 002 after Sun et
 * al., DATE 2018; placements not printed): bit counts −12, −8, …, 12 of the ±64 range (steps of ≈ σ/2 of
 * a 64-input random sum, σ = 8), as fractions of the range.
 */
const FLASH_REFERENCES = [-12, -8, -4, 0, 4, 8, 12].map((count) => (count + 64) / 128)

function xnorPreset(scheme: 'conventional' | 'input-splitting', supplyV: number, lrsKOhm: 6 | 12 | 24, note: string): PresetV1 {
  const adc =
    scheme === 'conventional'
      ? { type: 'sa-flash', bits: 3, references: FLASH_REFERENCES, columnsPerConverter: 8, technologyNodeNm: 90, supplyV }
      : { type: 'voltage-sa', reference: 0.5, columnsPerConverter: 8, technologyNodeNm: 90, supplyV }
  return {
    description: `XNOR-RRAM macro (128×64 1T1R, 64×64 weights, eight 8:1 muxes), ${scheme === 'conventional' ? 'conventional 3-bit flash ADCs of 7 SAs' : 'input splitting with one-reference binary SAs'}, ${supplyV} V, LRS ${lrsKOhm} kΩ`,
    source: `${SOURCE}: ${note}`,
    config: {
      architecture: { type: 'input-splitting', design: 'xnor-macro', scheme, rows: 64, columns: 64, columnsPerConverter: 8, supplyV },
      device: { type: 'rram', preset: `winbond-binary-${lrsKOhm}k` },
      // NOTE: no `dac`: word lines only switch access-transistor gates; the read current is the array's.
      peripherals: { adc },
    },
  }
}

/** Paper 002's conventional scheme: 20.8 TOPS/W at 1.2 V (text and Fig. 6); LRS 6 kΩ (read as the lowest target, which 12/24 kΩ are "higher" than). @since 0.1.0 */
export const xnorConventional1v2Preset: PresetV1 = xnorPreset('conventional', 1.2, 6, '§"Input splitting": conventional 3-bit ADC scheme 20.8 TOPS/W at 1.2 V; LRS 6 kΩ assumed (the paper calls 12/24 kΩ "higher LRS")')
/** Input splitting at 0.8 V with 12 kΩ LRS: 80.9 TOPS/W (paper 002 text). @since 0.1.0 */
export const xnorSplit0v8With12kPreset: PresetV1 = xnorPreset('input-splitting', 0.8, 12, 'input splitting, 12 kΩ LRS, 0.8 V: 80.9 TOPS/W')
/** Input splitting at 0.8 V with 24 kΩ LRS: 116.0 TOPS/W (paper 002 abstract and text). @since 0.1.0 */
export const xnorSplit0v8With24kPreset: PresetV1 = xnorPreset('input-splitting', 0.8, 24, 'input splitting, 24 kΩ LRS, 0.8 V: 116.0 TOPS/W')
/** Input splitting at the nominal 1.2 V with 6 kΩ LRS (a Fig. 6/7 operating point; no number printed). @since 0.1.0 */
export const xnorSplit1v2With6kPreset: PresetV1 = xnorPreset('input-splitting', 1.2, 6, 'input splitting at the nominal 1.2 V, 6 kΩ LRS (Figs. 6–7 trend point, no number printed)')
