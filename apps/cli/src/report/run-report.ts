import type { PpaReportV1 } from '@cimkit/core'

/** The resolved config as recorded in a report: each component with the plugin that provided it. @since 0.1.0 */
export type ReportedConfig = Readonly<Record<string, unknown>>

/** One reliability technique in the report, in the config's declared order. @since 0.2.0 */
export interface ReliabilityReportEntry {
  /** Position in `reliability` (0 = outermost). */
  readonly order: number
  readonly type: string
  /** The technique's `statistics()` at the end of the run (cumulative over arrays and trials; units in the names); {} when it reports none. */
  readonly statistics: Readonly<Record<string, number>>
}

/**
 * The JSON a run prints with `--json` and writes to `report.json`: the contract in DESIGN.md.
 * Tests, examples and sweeps rely on these keys; more may be added, none removed.
 * @since 0.1.0
 */
export interface RunReport {
  readonly config: ReportedConfig
  readonly seed: number
  readonly accuracy: {
    readonly top1: number
    readonly std: number
    readonly trials: number
    readonly baseline: number
    readonly perTrial: readonly number[]
  } | null
  /** PPA of the workload on the architecture; workload fields are null when there is no workload. */
  readonly ppa: (Omit<PpaReportV1, 'breakdown'> & { readonly breakdown: PpaReportV1['breakdown'] }) | null
  readonly timing: { readonly wallS: number }
  /** Each reliability technique with its figures, in declared order; [] without a `reliability` section. */
  readonly reliability?: readonly ReliabilityReportEntry[]
  /** Workload-specific results (e.g. `mvm.relativeError` of the matrix workload). */
  readonly [extra: string]: unknown
}
