import type { PresetV1 } from '@cimkit/core'
import { aihwkitPcmPreset } from './aihwkit-pcm.js'

const aihwkitDevice = aihwkitPcmPreset.config.device as Record<string, unknown>

/**
 * PCM as the survey's Table I states it (Xiao et al., Appl. Phys. Rev. 2020, paper 003; seed-003.md
 * §12.2): ~1 MΩ maximum resistance, 4 F², 1e12 cycles, 5-bit programmable resolution, 100 µA write
 * current, ns writes. The survey gives no noise or drift numbers, so those are aihwkit's
 * state-dependent fits, which rescale with gMax.
 * @since 0.1.0
 */
export const surveyPcmPreset: PresetV1 = {
  description: 'PCM from the survey’s Table I figures: 5-bit cell, 1 MΩ off state, 1e12 cycles, with aihwkit noise and drift',
  source:
    'survey (paper 003) Table I, PCM column: R_max ~1 MΩ, 4 F² (ref. 73), endurance 1e12 (ref. 76), 5 bits (ref. 78), write current 100 µA (ref. 76), write speed ns; ' +
    'gMax 25 µS, noise and drift from aihwkit PCMLikeNoiseModel (the survey gives none); 100 ns pulses at 1 V assumed (the survey: "picojoule write energies")',
  config: {
    device: {
      ...aihwkitDevice,
      type: 'pcm',
      conductanceRangeS: { minS: 1 / 1e6, maxS: 25e-6 },
      levels: 2 ** 5,
      enduranceCycles: 1e12,
      cost: {
        cellAreaF2: 4,
        technologyNodeNm: 90,
        readVoltageV: 0.2,
        readPulseS: 250e-9,
        writeEnergyPerPulseJ: 100e-6 * 1 * 100e-9,
        writePulseS: 100e-9,
        source: 'survey Table I: 4 F², 100 µA writes in ns; 1 V and 100 ns pulses, 0.2 V and 250 ns (aihwkit t_read) reads, 90 nm assumed',
      },
    },
  },
}
