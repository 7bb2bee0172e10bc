import type { PresetV1 } from '@cimkit/core'

// Paper 000 (Yan et al., Adv. Intell. Syst. 2019) Table 1, "Toy model for RRAM nonideal properties".
// Variability is σ/μ of the measured resistance; as a lognormal, σ(ln R) = √ln(1 + (σ/μ)²), the same in
// ln G. The conductance window is not in Table 1: the analog cell uses the rram default (10–100 µS,
// paper 001 §II.2); the binary cell uses R_off/R_on = 100 (inside paper 001's 10–1e3), the smallest
// decade ratio at which healthy cells meet Table 1's bit error rate < 1e-5 with the 0.4 HRS spread.

/** Table 1, analog column. @since 0.1.0 */
export const toyAnalogPreset: PresetV1 = {
  description: 'Analog RRAM with the non-idealities of the paper-000 toy model',
  source:
    'paper 000 Table 1 (analog): variability 0.03 (ref. 126), thermal fluctuation 0.03 (ref. 94), yield 89.9 % (refs. 61, 80; possibly a copy slip, seed-000-001.md §0.3), ' +
    'endurance 500 k cycles with 95.5 % holding resistance (refs. 22, 80); stuck split evenly between on and off (assumption: the table gives no split)',
  config: {
    device: {
      type: 'rram',
      levels: 'analog',
      programmingError: { kind: 'gaussian', relativeStd: 0.03 },
      readNoise: { kind: 'relative', relativeStd: 0.03 },
      stuckOnFraction: (1 - 0.899) / 2,
      stuckOffFraction: (1 - 0.899) / 2,
      endurance: { cycles: 5e5, failedFraction: 1 - 0.955 },
    },
  },
}

/** Table 1, binary column. @since 0.1.0 */
export const toyBinaryPreset: PresetV1 = {
  description: 'Binary RRAM with the non-idealities of the paper-000 toy model',
  source:
    'paper 000 Table 1 (binary): variability 0.4 at HRS and 0.04 at LRS (ref. 126), thermal fluctuation 0.03 (ref. 94), yield > 99 % (refs. 61, 80), ' +
    'BER < 1e-5 before ECC (ref. 47) met by an R_off/R_on of 100 (paper 001 §II.2 range 10–1e3; our choice), ' +
    'endurance > 1e6 cycles (refs. 22, 80) taken as the point where wear-out reaches the pre-ECC bit error rate 1e-5 (ref. 47; our reading)',
  config: {
    device: {
      type: 'rram',
      levels: 2,
      conductanceRangeS: { minS: 1e-6, maxS: 1e-4 },
      programmingError: { kind: 'lognormal', sigmaLn: [Math.sqrt(Math.log(1 + 0.4 ** 2)), Math.sqrt(Math.log(1 + 0.04 ** 2))] },
      readNoise: { kind: 'relative', relativeStd: 0.03 },
      stuckOnFraction: 0.01 / 2,
      stuckOffFraction: 0.01 / 2,
      endurance: { cycles: 1e6, failedFraction: 1e-5 },
    },
  },
}
