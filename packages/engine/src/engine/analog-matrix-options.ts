import type {
  ArrayOrganizationV1,
  ComputeBackendV1,
  DeviceModelV1,
  InputEncoderV1,
  OutputConverterV1,
  RandomSource,
  ReliabilityMiddlewareV1,
} from '@cimkit/core'
import type { ArrayLayout } from '../mapping/array-layout.js'
import type { EngineOptions } from './engine-options.js'

/**
 * What `programAnalogMatrix` needs: the array organization, the device, the converters (null =
 * ideal), reliability middleware, a compute backend and a random stream, plus engine options.
 * @since 0.1.0
 */
export interface AnalogMatrixOptions extends EngineOptions {
  readonly organization: ArrayOrganizationV1
  readonly device: DeviceModelV1
  /** null = ideal analog inputs (no quantization, one read). */
  readonly inputEncoder: InputEncoderV1 | null
  /** null = ideal (infinite-resolution) readout. */
  readonly outputConverter: OutputConverterV1 | null
  /** Reliability techniques, outermost first. */
  readonly middleware?: readonly ReliabilityMiddlewareV1[]
  readonly backend: ComputeBackendV1
  readonly random: RandomSource
  /** Layer name for activity and middleware calls (default `matrix`). */
  readonly layerName?: string
}

/** Cumulative action counts, `component → action → count` (activity vocabulary of contracts.md). @since 0.1.0 */
export type ActivityCounts = Readonly<Record<string, Readonly<Record<string, number>>>>

/**
 * A weight matrix programmed onto arrays of devices.
 * @since 0.1.0
 */
export interface AnalogMatrix {
  readonly rows: number
  readonly columns: number
  /** Sets the input scale and converter ranges (mode `calibrated`) from sample inputs (batch×rows). */
  calibrate(inputs: Float32Array, batch: number): void
  /** batch×rows inputs → batch×columns outputs in real units (≈ x·W). */
  mvm(inputs: Float32Array, batch: number, options?: { readonly timeS?: number }): Float32Array
  /** Cumulative counts of the `mvm` calls since programming (calibration reads are not counted). */
  activity(): ActivityCounts
}

/**
 * What `programAnalogMatrix` returns: an `AnalogMatrix` that also tells how it is tiled and counts
 * actions per physical array (keys `r<rowBlock>c<columnBlock>a<array>`).
 * @since 0.1.0
 */
export interface ProgrammedAnalogMatrix extends AnalogMatrix {
  readonly layout: ArrayLayout
  arrayActivity(): Readonly<Record<string, ActivityCounts>>
}
