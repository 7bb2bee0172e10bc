import type { DeviceCostV1 } from '@cimkit/core'

/**
 * Cell costs the test doubles report: paper 004's HfO2 1T1R programming pulse (2 V × 200 µA × 1 µs
 * = 400 pJ, the upper end of its Table 1 "200–400 pJ", seed-002-004 B.1.1), a 0.2 V, 10 ns read and
 * a 12 F² 1T1R cell (paper 001 §II.2) at 130 nm (paper 004's process).
 * @since 0.1.0
 */
export const TEST_DEVICE_COST: DeviceCostV1 = {
  cellAreaF2: 12,
  technologyNodeNm: 130,
  readVoltageV: 0.2,
  readPulseS: 10e-9,
  writeEnergyPerPulseJ: 400e-12,
  writePulseS: 1e-6,
  source: 'test double: paper 004 Table 1 (400 pJ, 1 µs SET/RESET), 12 F² 1T1R (paper 001 §II.2), 0.2 V 10 ns read (assumed)',
}
