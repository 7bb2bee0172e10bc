/**
 * The state of a block of cells after programming. Arrays are parallel, one entry per cell, in the
 * order of the targets that were programmed.
 * @since 0.1.0
 */
export interface ProgrammedCellsV1 {
  /** Conductance each cell holds at the device's reference time after programming, siemens. */
  readonly conductanceS: Float32Array
  /** Per-cell fault: 0 healthy, 1 stuck at the low-conductance bound, 2 stuck at the high bound. Absent = no faults. */
  readonly stuck?: Uint8Array
  /** Per-cell drift exponent ν, for devices that drift (G(t) = G(t₀)·(t/t₀)^−ν). */
  readonly driftExponent?: Float32Array
  /** Device-specific extra per-cell state (plain typed arrays only, so it serialises). */
  readonly extra?: Readonly<Record<string, Float32Array | Uint8Array>>
}

/** Stuck-cell codes used in `ProgrammedCellsV1.stuck`. @since 0.1.0 */
export const StuckState = { healthy: 0, stuckLow: 1, stuckHigh: 2 } as const
