import type { RandomSource } from '../../../random/random-source.js'
import type { ProgrammedCellsV1 } from './programmed-cells.js'

/**
 * Read behaviour and cost of one cell, the numbers architectures roll up.
 * @since 0.1.0
 */
export interface DeviceCostV1 {
  /** Cell footprint in F² (F = feature size of `technologyNodeNm`). */
  readonly cellAreaF2: number
  /** Technology node the footprint refers to, nanometres. */
  readonly technologyNodeNm: number
  /** Read voltage across the cell, volts. */
  readonly readVoltageV: number
  /** Duration of one read pulse, seconds (energy per read = V²·G·t). */
  readonly readPulseS: number
  /** Energy of one programming pulse, joules. */
  readonly writeEnergyPerPulseJ: number
  /** Duration of one programming pulse, seconds. */
  readonly writePulseS: number
  /** Where these numbers come from. */
  readonly source: string
}

/**
 * A resistive memory cell technology. Implement this to add a device to cimkit; the conformance kit
 * in `@cimkit/core/testing` checks an implementation against the contract.
 *
 * Conductances are in siemens. All randomness comes from the `random` argument, so a device is a
 * pure function of its options and the stream it is handed.
 * @since 0.1.0
 */
export interface DeviceModelV1 {
  readonly specificationVersion: 'v1'
  /** Registered type, e.g. `rram`. */
  readonly type: string
  /** Lowest and highest conductance a healthy cell is programmed to, siemens (0 < minS < maxS). */
  readonly conductanceRangeS: { readonly minS: number; readonly maxS: number }
  /**
   * Target conductances a cell can be programmed to, ascending, siemens; `null` for an analog
   * device with a continuum of states. The engine quantizes targets onto these levels.
   */
  readonly levelsS: readonly number[] | null
  /**
   * Programs cells to `targetsS` and returns what they actually hold: programming error,
   * device-to-device variation, stuck cells. Targets outside the range are clipped to it.
   * Low-level: call through the engine (which applies reliability middleware), hence the `do`.
   */
  doProgram(targetsS: Float32Array, random: RandomSource): ProgrammedCellsV1
  /**
   * Conductance at `timeS` seconds after programming, written into `out` (drift, retention loss).
   * Absent = the device does not change with time.
   */
  conductanceAtTime?(cells: ProgrammedCellsV1, timeS: number, out: Float32Array): void
  /**
   * Standard deviation of the read noise of one read of a cell of conductance `conductanceS`,
   * `timeS` after programming, siemens. Read noise is zero-mean Gaussian and independent per cell
   * and per read (that lets the engine draw it output-referred). Absent = no read noise.
   */
  readNoiseStdS?(conductanceS: number, timeS: number): number
  /**
   * Read disturb: updates `cells.conductanceS` in place after `readCount` reads at `polarity`
   * (+1 or −1). Absent = reads do not disturb the cell.
   */
  applyReadDisturb?(cells: ProgrammedCellsV1, readCount: number, polarity: 1 | -1, random: RandomSource): void
  readonly cost: DeviceCostV1
  /** Plain-data description of the options that built it (for reports and reproducibility). */
  toJSON(): Record<string, unknown>
}
