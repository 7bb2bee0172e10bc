/** Cost of one component within one layer. @since 0.1.0 */
export interface PpaBreakdownEntryV1 {
  readonly layer: string
  readonly component: string
  readonly energyJ: number
  readonly areaMm2: number
  readonly latencyS: number
}

/** Throughput and efficiency when every array computes every cycle. @since 0.1.0 */
export interface PeakPpaV1 {
  /** Tera-operations per second (one multiply-accumulate = 2 operations). */
  readonly tops: number
  readonly topsPerW: number
  readonly topsPerMm2: number
  /** Average power at peak, watts, and its split by component class (fractions summing to 1). */
  readonly powerW?: number
  readonly powerShare?: Readonly<Record<string, number>>
}

/**
 * Power, performance and area of a workload on an architecture: the `ppa` object of the report
 * contract in DESIGN.md.
 * @since 0.1.0
 */
export interface PpaReportV1 {
  readonly areaMm2: number
  readonly energyPerInferenceJ: number
  readonly latencyS: number
  readonly throughputFps: number
  readonly tops: number
  readonly topsPerW: number
  readonly topsPerMm2: number
  readonly peak: PeakPpaV1
  readonly breakdown: readonly PpaBreakdownEntryV1[]
}
