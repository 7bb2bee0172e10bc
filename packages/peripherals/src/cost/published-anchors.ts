import { nominalSupplyV } from '../technology/nominal-supply.js'

/**
 * Published component figures the cost models are anchored to. Each is moved to the requested node
 * and supply by constant-field scaling (see `resolveDesignPoint`).
 * @since 0.1.0
 */
export const publishedAnchors = {
  /**
   * ISAAC's ADC: 8-bit SAR, 1.28 GS/s, 2 mW, 1200 µm² at 32 nm (Shafiee et al., ISCA 2016, Table 6;
   * also MNSIM ADC_Choice 2 and PUMA constants.py, which splits the 2 mW into 1.8 dynamic + 0.2 leakage:
   * we charge it all per conversion, 1.5625 pJ, as the contract fixes). Supply: PUMA's `vdd = 0.9`.
   */
  isaacSar: { bits: 8, sampleRateHz: 1.28e9, powerW: 2e-3, areaMm2: 1.2e-3, nodeNm: 32, supplyV: 0.9, source: 'ISAAC (Shafiee et al., ISCA 2016) Table 6: 8-bit SAR ADC, 1.28 GS/s, 2 mW, 1200 µm², 32 nm' },
  /**
   * A 10-bit pipelined-SAR ADC, 1.5 GS/s, 6.92 mW, 1600 µm² at 14 nm: MNSIM 2.0 `ADC.py` ADC_Choice 1
   * (research/anchor-archsims.md §2.2).
   */
  mnsimPipelined: { bits: 10, sampleRateHz: 1.5e9, powerW: 6.92e-3, areaMm2: 1.6e-3, nodeNm: 14, supplyV: nominalSupplyV(14), source: 'MNSIM 2.0 ADC.py ADC_Choice 1: 10-bit pipelined-SAR, 1.5 GS/s, 6.92 mW, 1600 µm², 14 nm' },
  /**
   * A 1-bit sense amplifier (latch comparator): 1 µm², 1.63 µW at 1 GS/s, 28 nm: MNSIM 2.0 `ADC.py`
   * ADC_Choice 8 ("sense amp @28 nm"). Used for every comparator-based block (flash, ramp, SAs).
   */
  mnsimSenseAmp: { decisionRateHz: 1e9, powerW: 1.63e-6, areaMm2: 1e-6, nodeNm: 28, supplyV: nominalSupplyV(28), source: 'MNSIM 2.0 ADC.py ADC_Choice 8: 1-bit sense amplifier, 1 µm², 1.63 µW at 1 GS/s, 28 nm' },
  /**
   * ISAAC's 1-bit input driver: 8 × 128 DACs, 4 mW and 0.00017 mm² per IMA at 32 nm (Table 6), i.e.
   * 3.9 µW and 1.67e-7 mm² each (PUMA constants.py: 3.5 µW dynamic + 0.39 µW leakage). Each drives
   * its row once per 100 ns crossbar cycle (ISAAC Sec. 5), so one drive costs 3.9 µW × 100 ns.
   */
  isaacDac1Bit: { powerW: 4e-3 / 1024, areaMm2: 0.00017 / 1024, cycleS: 100e-9, nodeNm: 32, supplyV: 0.9, source: 'ISAAC (Shafiee et al., ISCA 2016) Table 6: 1-bit DAC ×1024, 4 mW, 0.00017 mm², 32 nm; 100 ns crossbar cycle' },
  /**
   * ISAAC's sample-and-hold: 8 × 128 per IMA, 10 µW and 0.00004 mm² at 32 nm (Table 6); one sample
   * per column per 100 ns cycle.
   */
  isaacSampleHold: { powerW: 10e-6 / 1024, areaMm2: 0.00004 / 1024, cycleS: 100e-9, nodeNm: 32, supplyV: 0.9, source: 'ISAAC (Shafiee et al., ISCA 2016) Table 6: sample-and-hold ×1024, 10 µW, 0.00004 mm², 32 nm; 100 ns cycle' },
  /**
   * ISAAC's shift-and-add: 4 units per IMA, 0.2 mW and 0.00024 mm² at 32 nm (Table 6). The 4 units
   * absorb the 8 ADCs' 8 × 1.28 GS/s, so each adds 2.56 G values per second.
   */
  isaacShiftAdd: { powerW: 0.2e-3 / 4, areaMm2: 0.00024 / 4, addsPerSecond: (8 * 1.28e9) / 4, nodeNm: 32, supplyV: 0.9, source: 'ISAAC (Shafiee et al., ISCA 2016) Table 6: shift-and-add ×4, 0.2 mW, 0.00024 mm², 32 nm; 8 ADCs × 1.28 GS/s shared by 4 units' },
} as const
