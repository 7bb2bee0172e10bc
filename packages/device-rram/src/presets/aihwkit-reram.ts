import type { PresetV1 } from '@cimkit/core'

/**
 * aihwkit's `ReRamCMONoiseModel`: analog filamentary CMO/HfOx ReRAM, one device per weight
 * (anchor-aihwkit.md §6.4 and Appendix A; Falcone et al., arXiv 2502.04524; read noise Lombardo et
 * al., DRC 2024). aihwkit's fits are in µS with t in seconds; here in siemens.
 * @since 0.1.0
 */
export const aihwkitReramPreset: PresetV1 = {
  description: 'Analog CMO/HfOx ReRAM with the programming, relaxation and read-noise fits of aihwkit',
  source:
    'aihwkit ReRamCMONoiseModel (anchor-aihwkit.md §6.4): G 9.0–88.2 µS; σ_prog = 0.00081107 + 0.00106879·G µS (0.2 % acceptance fit, aihwkit’s effective default); ' +
    'mean −0.08900206·ln t µS; σ_relax = 0.41183342 + 0.04201137·ln t µS; σ_read = 0.0277316483·log10(G/µS)·√ln((t + 1 µs)/(2 µs)) µS. Cost: rram defaults (not in the source)',
  config: {
    device: {
      type: 'rram',
      levels: 'analog',
      conductanceRangeS: { minS: 9.0e-6, maxS: 88.2e-6 },
      programmingError: { kind: 'gaussian', relativeStd: 0.00106879, absoluteStdS: 0.00081107e-6 },
      retention: { referenceTimeS: 1, meanShiftPerLnTimeS: -0.08900206e-6, spreadAtReferenceS: 0.41183342e-6, spreadPerLnTimeS: 0.04201137e-6 },
      readNoise: { kind: 'log-conductance', coefficientS: 0.0277316483e-6, unitS: 1e-6, readTimeS: 1e-6 },
    },
  },
}
