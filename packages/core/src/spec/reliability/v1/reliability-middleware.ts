import type { RandomSource } from '../../../random/random-source.js'
import type { ComponentCostModelV1 } from '../../cost/v1/component-cost-model.js'
import type { DeviceModelV1 } from '../../device/v1/device-model.js'
import type { ProgrammedCellsV1 } from '../../device/v1/programmed-cells.js'

/** Counts actions a technique performs (pulses, test reads, ECC decodes) for the cost roll-up. @since 0.1.0 */
export type ActionRecorderV1 = (component: string, action: string, count: number) => void

/** What `wrapProgram` receives. @since 0.1.0 */
export interface ProgramCallV1 {
  /** Target conductances of the block being programmed, siemens (rows × columns, row-major). */
  readonly targetsS: Float32Array
  readonly rows: number
  readonly columns: number
  readonly device: DeviceModelV1
  /**
   * Programs as the next layer inward would (the device, or the next middleware). Pass a `random`
   * stream of your own for a re-programming pass (write-verify pulses, spare cells), so it draws
   * fresh programming error instead of repeating the block's first draw.
   */
  readonly doProgram: (targetsS: Float32Array, random?: RandomSource) => ProgrammedCellsV1
  readonly random: RandomSource
  readonly record: ActionRecorderV1
  /** Stable identity of the physical array (layer, block, slice), for techniques with per-array state. */
  readonly arrayId?: string
}

/** What `wrapMvm` receives: one array's analog MVM on a batch of drive planes. @since 0.1.0 */
export interface MvmCallV1 {
  /** Drive levels, batch × rows. */
  readonly inputs: Float32Array
  readonly batch: number
  readonly rows: number
  readonly columns: number
  /** Computes column outputs (batch × columns) as the next layer inward would. */
  readonly doMvm: (inputs: Float32Array) => Float32Array
  /** Seconds since the array was programmed. */
  readonly timeS: number
  readonly random: RandomSource
  readonly record: ActionRecorderV1
  /** Stable identity of the physical array (layer, block, slice), for techniques with per-array state. */
  readonly arrayId?: string
}

/** What `transformWeights` receives: one layer's weight matrix before it is mapped. @since 0.1.0 */
export interface WeightTransformCallV1 {
  readonly layer: string
  /** rows × columns, row-major (rows = inputs). */
  readonly weights: Float32Array
  readonly rows: number
  readonly columns: number
  readonly random: RandomSource
}

/**
 * A reliability technique as middleware around the engine: hooks wrap programming, MVMs and the
 * weights, and are applied in the order the config declares them (first = outermost).
 * @since 0.1.0
 */
export interface ReliabilityMiddlewareV1 {
  readonly specificationVersion: 'v1'
  readonly type: string
  transformWeights?(call: WeightTransformCallV1): Float32Array
  wrapProgram?(call: ProgramCallV1): ProgrammedCellsV1
  wrapMvm?(call: MvmCallV1): Float32Array
  /**
   * The age the arrays behave as at `timeS` seconds after first programming (a refresh policy
   * reprograms them, so a drift model sees only the time since the last refresh). Applied in
   * declared order. Absent = time passes unchanged.
   */
  effectiveTimeS?(timeS: number): number
  /**
   * Figures a user wants from the technique (pulses per cell, stuck cells found, words corrected…),
   * cumulative since the run started (over every array and trial it has seen), as flat numbers
   * whose names carry their unit (`energyJ`, `timeS`, `…Fraction`; bare names are counts). The run
   * report lists them per technique in declared order. Absent = the technique reports none.
   * @since 0.2.0
   */
  statistics?(): Readonly<Record<string, number>>
  /** Hardware the technique adds (spare columns, ECC decoders, reference cells), with counts. */
  readonly addedComponents?: readonly { readonly name: string; readonly count: number; readonly cost: ComponentCostModelV1 }[]
  toJSON(): Record<string, unknown>
}
