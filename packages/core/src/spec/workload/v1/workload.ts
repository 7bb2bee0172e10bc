import type { RandomSource } from '../../../random/random-source.js'
import type { ArchitectureV1 } from '../../architecture/v1/architecture.js'
import type { ComputeBackendV1 } from '../../backend/v1/compute-backend.js'
import type { DeviceModelV1 } from '../../device/v1/device-model.js'
import type { InputEncoderV1 } from '../../peripheral/v1/input-encoder.js'
import type { OutputConverterV1 } from '../../peripheral/v1/output-converter.js'
import type { ReliabilityMiddlewareV1 } from '../../reliability/v1/reliability-middleware.js'
import type { ActivityV1 } from './activity.js'
import type { NetworkWorkloadV1 } from './network-workload.js'

/** The hardware a workload is evaluated on, composed from the config. @since 0.1.0 */
export interface HardwareV1 {
  readonly device: DeviceModelV1 | null
  readonly inputEncoder: InputEncoderV1 | null
  readonly outputConverter: OutputConverterV1 | null
  readonly architecture: ArchitectureV1 | null
  /** Reliability techniques, outermost first. */
  readonly middleware: readonly ReliabilityMiddlewareV1[]
  readonly backend: ComputeBackendV1 | null
}

/** Run settings handed to `evaluate`. @since 0.1.0 */
export interface EvaluationSettingsV1 {
  readonly trials: number
  /** Seconds between programming and inference (drift). */
  readonly timeS: number
  readonly random: RandomSource
  /** Reports progress as a fraction in [0, 1] with a short label. */
  readonly progress: (fraction: number, label: string) => void
}

/** What a workload measured on hardware. Extra keys (e.g. `mvm`) appear in the report. @since 0.1.0 */
export interface EvaluationResultV1 {
  readonly accuracy: {
    readonly top1: number
    readonly std: number
    readonly trials: number
    readonly baseline: number
    readonly perTrial: readonly number[]
  } | null
  readonly activity: ActivityV1 | null
  readonly extra?: Readonly<Record<string, unknown>>
}

/**
 * What runs on the hardware: a trained network with its dataset, or a synthetic matrix.
 * @since 0.1.0
 */
export interface WorkloadV1 {
  readonly specificationVersion: 'v1'
  readonly type: string
  /** The array-mapped layers, for cost models; null if the workload has none. */
  describe(): NetworkWorkloadV1 | null
  /** Runs on simulated hardware; absent if the workload only describes shapes for cost. */
  evaluate?(hardware: HardwareV1, settings: EvaluationSettingsV1): Promise<EvaluationResultV1>
  toJSON(): Record<string, unknown>
}
