import type { ComputeBackendV1, ConvertAccumulateParamsV1, ConvertScaleIntoParamsV1, OutputConverterV1, RandomSource } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import type { CellLevels } from '../array/cell-levels.js'
import type { DrivePlanes } from '../encoding/encode-inputs.js'
import type { WeightEncoding } from '../mapping/weight-encoding.js'
import { biasDigit } from '../mapping/weight-encoding.js'
import type { SliceColumns } from './slice-columns.js'
import type { Stage, StageRanges } from './stage-ranges.js'

/** Streams of a converter: its fixed (static mismatch) stream and this call's (noise) stream. @since 0.2.0 */
export interface ConverterStreams {
  readonly fixed: RandomSource
  readonly call: RandomSource
}

/** Where a direct read writes: the float32 result from the chunk's first row, and the factor applied. @since 0.2.0 */
export interface DirectResult {
  readonly result: Float32Array
  readonly scale: number
}

/** A direct result with what writes it: the result's row length and the backend's `convertScaleInto`. @since 0.2.0 */
export interface DirectTarget extends DirectResult {
  readonly resultColumns: number
  readonly convertScaleInto: (params: ConvertScaleIntoParamsV1) => void
}

/** One slice read of one block, to convert and accumulate. @since 0.2.0 */
export interface FinishPart {
  readonly analog: SliceColumns
  readonly rowSums: Float64Array
  readonly flipped: Uint8Array | null
  readonly slice: number
  readonly outputStart: number
  readonly outputCount: number
  readonly arrayKey: string
}

/** What the fused path of one slice needs from its matrix. @since 0.2.0 */
export interface FusedSliceFinish {
  readonly converter: OutputConverterV1 | null
  readonly ranges: StageRanges
  readonly levels: CellLevels
  readonly encoding: WeightEncoding
  readonly part: FinishPart
  readonly drive: DrivePlanes
  readonly batch: number
  readonly output: Float64Array
  readonly outputColumns: number
  /** Every drive level is ≥ 0, so Σ drive = 0 means no row is driven. */
  readonly idleVectors: boolean
  readonly convertAccumulate: NonNullable<ComputeBackendV1['convertAccumulate']>
  readonly count: (arrayKey: string, component: string, action: string, count: number) => void
  /** The float32 result to convert straight into (this read is the only one of its outputs); null accumulates into `output`. */
  readonly direct: DirectTarget | null
}

/**
 * Per-plane conversion (an ideal uniform converter, or none) and the digital steps of one slice in
 * one backend call, for all planes: the backend's `convertAccumulate` is bit-identical to the
 * converter's `convert` followed by the engine's offset removal and shift-and-add.
 * @since 0.2.0
 */
export function finishSliceFused(fused: FusedSliceFinish): void {
  const { converter, ranges, levels, encoding, part, drive, batch, output, count } = fused
  const { analog, rowSums, flipped, slice, outputStart, outputCount, arrayKey } = part
  const planes = drive.cycles
  const size = batch * outputCount
  const shift = 2 ** (slice * encoding.bitsPerCell)
  const rangeMin = new Float64Array(planes)
  const rangeSpan = new Float64Array(planes)
  const factors = new Float64Array(planes)
  const units = new Float64Array(planes)
  for (let plane = 0; plane < planes; plane++) {
    const stage: Stage = { slice, plane: drive.profilePlane[plane]! }
    factors[plane] = drive.planeWeights[plane]! * shift
    count(arrayKey, 'adc', 'convert', size)
    if (converter === null) continue
    count(arrayKey, 'sampleHold', 'sample', size)
    const range = ranges.rangeFor(stage, drive.planeWeights, drive.profilePlane)
    if (!(range.max > range.min)) throw new InvalidArgumentError('range', `max must exceed min, got [${range.min}, ${range.max}]`)
    rangeMin[plane] = range.min
    rangeSpan[plane] = range.max - range.min
    units[plane] = ranges.unitFor(stage, drive.planeWeights)
  }
  const conversion: Omit<ConvertAccumulateParamsV1, 'output' | 'outputColumns' | 'outputStart'> = {
    values: analog.data,
    stride: analog.stride,
    offset: analog.offset,
    batch,
    planes,
    outputCount,
    steps: converter === null ? 0 : 2 ** converter.bits! - 1,
    rangeMin,
    rangeSpan,
    rowSums,
    idleVectors: fused.idleVectors,
    factors,
    digitalOffset: encoding.digitalOffset ? { offsetDigits: levels.offsetDigits, units, bias: biasDigit(encoding, slice), maxDigit: encoding.maxDigit, flipped } : null,
  }
  const { direct } = fused
  // Bit-identical either way: convertScaleInto is convertAccumulate into zeros, then × scale into float32.
  if (direct !== null) direct.convertScaleInto({ ...conversion, scale: direct.scale, result: direct.result, resultColumns: direct.resultColumns, resultStart: outputStart })
  else fused.convertAccumulate({ ...conversion, output, outputColumns: fused.outputColumns, outputStart })
  count(arrayKey, 'shiftAdd', 'add', planes * (encoding.digitalOffset ? size * 2 : size))
}
