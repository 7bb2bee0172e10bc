import type { PresetV1 } from '@cimkit/core'

/**
 * The published constants of aihwkit's `PCMLikeNoiseModel` (Nandakumar et al., ICECS 2019; Joshi et
 * al., Nat. Commun. 2020 data), as listed in anchor-aihwkit.md §6.3 and Appendix A.
 * @since 0.1.0
 */
export const aihwkitPcmPreset: PresetV1 = {
  description: 'Analog PCM with aihwkit PCMLikeNoiseModel programming noise, drift and 1/f read noise',
  source:
    'aihwkit PCMLikeNoiseModel (anchor-aihwkit.md §6.3, Appendix A): gMax 25 µS; σ_prog = 0.26348 + 1.9650ĝ − 1.1731ĝ² µS at gMax 25 µS; ' +
    'μ_ν = clip(−0.0155 ln ĝ + 0.0244, 0.049, 0.1); σ_ν = clip(−0.0125 ln ĝ − 0.0059, 0.008, 0.045); t₀ 20 s; ' +
    'Q_s = min(0.0088/max(ĝ^0.65, 1e-3), 0.2); t_read 250 ns. gMin: aihwkit uses 0 and clips ĝ at 1e-7, here minS = 1e-7·gMax (the spec needs minS > 0). ' +
    'Cost: 4 F², write current 100 µA, ns writes (survey Table I PCM); 100 ns pulses at 1 V and read 0.2 V assumed; 90 nm as the PCM chips behind the fits (outside the digests)',
  config: {
    device: {
      type: 'pcm',
      conductanceRangeS: { minS: 25e-6 * 1e-7, maxS: 25e-6 },
      levels: 'analog',
      programmingNoise: { coefficientsS: [0.26348e-6, 1.965e-6, -1.1731e-6], referenceGMaxS: 25e-6 },
      drift: {
        referenceTimeS: 20,
        exponentMean: { slope: -0.0155, intercept: 0.0244, min: 0.049, max: 0.1 },
        exponentStd: { slope: -0.0125, intercept: -0.0059, min: 0.008, max: 0.045 },
      },
      readNoise: { coefficient: 0.0088, exponent: 0.65, floor: 1e-3, maxRelativeStd: 0.2, readTimeS: 250e-9 },
      cost: {
        cellAreaF2: 4,
        technologyNodeNm: 90,
        readVoltageV: 0.2,
        readPulseS: 250e-9,
        writeEnergyPerPulseJ: 100e-6 * 1 * 100e-9,
        writePulseS: 100e-9,
        source: 'read pulse = aihwkit t_read 250 ns; 4 F² and 100 µA writes (survey Table I); 1 V, 100 ns pulses and 0.2 V reads assumed; 90 nm assumed',
      },
    },
  },
}
