import type { PresetV1 } from '@cimkit/core'

/**
 * Paper 004's fabricated technology: 130 nm CMOS with HfO₂ 2T2R kilobit blocks read by XNOR-PCSAs in
 * about 10 ns (test chip, probe-card load), the "strong" programming regime of the `hfo2-2t2r`
 * device preset, and the system's kilobit basic cells sized for the MNIST 784-1024-1024-10 BNN.
 * @since 0.1.0
 */
export const bnn2t2r130nmPreset: PresetV1 = {
  description: 'Paper 004 BNN system at the 130 nm test-chip node: 2T2R kilobit blocks, XNOR-PCSA, popcount and thresholds, 10 ns read cycle',
  source:
    'Hirtzlin et al., Front. Neurosci. 13:1383 (2020): §2.1 (130 nm CMOS, HfO₂ 2T2R kilobit array), §2.2 (PCSA read ≈ 10 ns on the test chip), ' +
    '§2.4 and Fig. 3 (n × n basic cells, n = 32, XNOR-PCSA, popcount, threshold); 1.2 V logic supply assumed; 1856 cells derived for 784-1024-1024-10',
  config: {
    architecture: { type: 'bnn2t2r', blockSize: 32, basicCells: 1856, mode: 'parallel-to-sequential', cell: '2t2r', cycleS: 10e-9, technologyNodeNm: 130, supplyV: 1.2 },
    device: { type: 'rram', preset: 'hfo2-2t2r' },
    peripherals: { adc: { type: 'pcsa-xnor', technologyNodeNm: 130, supplyV: 1.2 } },
  },
}
