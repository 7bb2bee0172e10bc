import type { PresetV1 } from '@cimkit/core'

/**
 * Paper 004's scaling projection: the same system synthesised in a commercial 28 nm kit, where a
 * synapse read plus its addition costs about 14 fJ (charged as such: `synapseEnergy: published`;
 * `components` gives the bottom-up sum of the configured PCSA and a 1-bit add instead) and the PCSA
 * can resolve in about 100 ps; the
 * devices use Table 1's "optimized programming energy" regime (2 V RESET, 100 ns pulses, 20–30 pJ,
 * 2T2R BER < 1e-5), which the BNN's error tolerance allows.
 * @since 0.1.0
 */
export const bnn2t2rAdvancedPreset: PresetV1 = {
  description: 'Paper 004 BNN system projected to 28 nm: 2T2R kilobit blocks, XNOR-PCSA, popcount and thresholds, energy-optimised programming',
  source:
    'Hirtzlin et al., Front. Neurosci. 13:1383 (2020): §2.4 (28 nm commercial kit for the scaling projection), §2.2 (PCSA ≈ 100 ps in a scaled technology), ' +
    '§4.1.3 (≈ 14 fJ per read + addition in an advanced node; 25 nJ per MNIST digit), Table 1 (energy-optimised regime); 0.9 V logic supply assumed',
  config: {
    architecture: { type: 'bnn2t2r', blockSize: 32, basicCells: 1856, mode: 'parallel-to-sequential', cell: '2t2r', synapseEnergy: 'published', technologyNodeNm: 28, supplyV: 0.9 },
    device: {
      type: 'rram',
      preset: 'hfo2-2t2r',
      programmingConditions: { setComplianceCurrentA: 200e-6, resetVoltageV: 2, pulseWidthS: 100e-9 },
      cost: {
        technologyNodeNm: 28,
        readPulseS: 100e-12,
        source: 'paper 004: 28 nm projection (§2.4), PCSA read ≈ 100 ps in a scaled technology (§2.2); 12 F² per 1T1R device (paper 001); 1.2 V read assumed; write energy and pulse from the programming regime',
      },
    },
    peripherals: { adc: { type: 'pcsa-xnor', technologyNodeNm: 28, supplyV: 0.9 } },
  },
}
