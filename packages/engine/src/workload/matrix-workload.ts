import type {
  ArrayOrganizationV1,
  EvaluationResultV1,
  EvaluationSettingsV1,
  HardwareV1,
  NetworkWorkloadV1,
  RandomSource,
  WorkloadV1,
} from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { sumActivity } from '../engine/activity-counter.js'
import type { ActivityCounts } from '../engine/analog-matrix-options.js'
import { monteCarlo, summarizeTrials } from '../engine/monte-carlo.js'
import { programAnalogMatrix } from '../engine/program-analog-matrix.js'
import type { MatrixWorkloadOptions, ResolvedMatrixWorkloadOptions } from './matrix-workload-options.js'
import { matrixWorkloadOptionsSchema } from './matrix-workload-options.js'
import { exactProduct, relativeError } from './relative-error.js'

/** What the matrix workload reports under `extra.mvm`. @since 0.1.0 */
export interface MvmErrorReport {
  /** Mean over trials of ‖Y − x·W‖_F / ‖x·W‖_F. */
  readonly relativeError: number
  /** Sample standard deviation over trials (0 for one trial). */
  readonly std: number
  readonly perTrial: readonly number[]
  readonly rows: number
  readonly columns: number
  readonly batch: number
}

function fill(random: RandomSource, out: Float32Array, distribution: 'normal' | 'uniform'): Float32Array {
  if (distribution === 'normal') random.fillNormal(out)
  else random.fillUniform(out, -1, 1)
  return out
}

/**
 * The `matrix` workload: programs one random matrix on the configured hardware per Monte Carlo
 * trial (independent streams `trial/t`), calibrates converter ranges on a separate batch, runs a
 * batch and reports the relative MVM error against float64, with activity per vector.
 * @since 0.1.0
 */
export class MatrixWorkload implements WorkloadV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'matrix'
  readonly options: ResolvedMatrixWorkloadOptions

  constructor(options: MatrixWorkloadOptions = {}) {
    this.options = matrixWorkloadOptionsSchema.parse(options)
  }

  describe(): NetworkWorkloadV1 {
    const { rows, columns } = this.options
    return { name: 'matrix', layers: [{ name: 'matrix', kind: 'dense', inputs: rows, outputs: columns, mvmsPerInference: 1 }] }
  }

  /** The organization simulated: the architecture's, else the workload's `arrays` options. */
  organization(hardware: HardwareV1): ArrayOrganizationV1 {
    if (hardware.architecture !== null) return hardware.architecture.arrays
    const { arrays, rows, columns } = this.options
    const pair = arrays.weightMapping === 'differential' || arrays.weightMapping === 'complementary-binary'
    const storedBits = arrays.weightMapping === 'complementary-binary' ? 1 : pair ? arrays.weightBits - 1 : arrays.weightBits
    const slices = Math.ceil(storedBits / arrays.bitsPerCell)
    return {
      ...arrays,
      rows: arrays.rows ?? rows,
      columns: arrays.columns ?? columns * (pair ? 2 : 1) * slices + (arrays.weightMapping === 'offset-reference' ? slices : 0),
    }
  }

  async evaluate(hardware: HardwareV1, settings: EvaluationSettingsV1): Promise<EvaluationResultV1> {
    if (hardware.device === null) throw new InvalidArgumentError('device', 'the matrix workload needs a device')
    const { rows, columns, batch, calibrationBatch } = this.options
    const data = settings.random.stream('matrix-data')
    const weights = fill(data.stream('weights'), new Float32Array(rows * columns), this.options.weightDistribution)
    const inputs = fill(data.stream('inputs'), new Float32Array(batch * rows), this.options.inputDistribution)
    const calibration = fill(data.stream('calibration'), new Float32Array(calibrationBatch * rows), this.options.inputDistribution)
    const exact = exactProduct(inputs, weights, batch, rows, columns)
    const activities: ActivityCounts[] = []
    const trials = Math.max(1, settings.trials)
    const perTrial = monteCarlo(trials, settings.random, (random, trial) => {
      settings.progress(trial / trials, `matrix trial ${trial + 1}/${trials}`)
      const matrix = programAnalogMatrix(weights, rows, columns, {
        organization: this.organization(hardware),
        device: hardware.device!,
        inputEncoder: hardware.inputEncoder,
        outputConverter: hardware.outputConverter,
        middleware: hardware.middleware,
        backend: hardware.backend ?? referenceBackend,
        random,
        layerName: 'matrix',
        adcRange: this.options.adcRange,
        inputRange: this.options.inputRange,
        sliceLayout: this.options.sliceLayout,
        partialSums: this.options.partialSums,
        wireResistanceOhm: this.options.wireResistanceOhm,
      })
      matrix.calibrate(calibration, calibrationBatch)
      const before = matrix.activity()
      const output = matrix.mvm(inputs, batch, { timeS: settings.timeS })
      activities.push(difference(matrix.activity(), before))
      return relativeError(output, exact)
    })
    settings.progress(1, 'matrix done')
    const { mean, std } = summarizeTrials(perTrial)
    const mvm: MvmErrorReport = { relativeError: mean, std, perTrial, rows, columns, batch }
    return { accuracy: null, activity: { layers: { matrix: sumActivity(activities, trials * batch) } }, extra: { mvm } }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

function difference(after: ActivityCounts, before: ActivityCounts): ActivityCounts {
  const result: Record<string, Record<string, number>> = {}
  for (const [component, actions] of Object.entries(after)) {
    result[component] = {}
    for (const [action, count] of Object.entries(actions)) result[component][action] = count - (before[component]?.[action] ?? 0)
  }
  return result
}
