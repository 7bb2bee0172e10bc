import type { PresetV1 } from '@cimkit/core'

/**
 * The HfO₂ OxRAM of paper 004's kilobit 2T2R array, in its "strong" regime. Override
 * `programmingConditions` with another Table 1 regime (1.5 V RESET for endurance, 100 ns pulses for
 * energy) or the checkerboard condition (55 µA); the regime sets the LRS/HRS distributions, the
 * write energy and the endurance.
 * @since 0.1.0
 */
export const hfo2TwoTransistorTwoResistorPreset: PresetV1 = {
  description: 'HfO₂ binary RRAM of a 2T2R cell (one device of the pair), paper 004 programming regimes',
  source:
    'paper 004 (Hirtzlin et al., Front. Neurosci. 2020): 130 nm CMOS, TiN/HfO₂/Ti/TiN, Table 1 "strong" regime (200 µA SET compliance, 2.5 V RESET, 1 µs); ' +
    'PCSA read ≈ 10 ns (§2.2); 12 F² per 1T1R device (paper 001 §II.2 1T1R example); read voltage 1.2 V assumed (PCSA precharge to VDD, not in the paper)',
  config: {
    device: {
      type: 'rram',
      programmingConditions: { setComplianceCurrentA: 200e-6, resetVoltageV: 2.5, pulseWidthS: 1e-6 },
      cost: {
        cellAreaF2: 12,
        technologyNodeNm: 130,
        readVoltageV: 1.2,
        readPulseS: 10e-9,
        source: 'paper 004: 130 nm, PCSA read ≈ 10 ns; 12 F² 1T1R (paper 001); 1.2 V read assumed; write energy and pulse from the programming regime',
      },
    },
  },
}
