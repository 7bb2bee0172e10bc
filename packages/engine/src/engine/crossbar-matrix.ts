import type { ArrayOrganizationV1, ConvertAccumulateParamsV1, ConvertScaleIntoParamsV1, InputEncoderV1, OutputConverterV1, RandomSource } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import type { CellLevels } from '../array/cell-levels.js'
import type { ProgrammedBlock } from '../array/programmed-block.js'
import type { SliceMatrices } from '../array/slice-matrices.js'
import { sliceMatrices } from '../array/slice-matrices.js'
import type { EncoderProfile } from '../encoding/encoder-profile.js'
import type { DrivePlanes } from '../encoding/encode-inputs.js'
import { absolutePercentile } from '../conversion/nearest-rank.js'
import { biasDigit } from '../mapping/weight-encoding.js'
import { ActivityCounter } from './activity-counter.js'
import type { ActivityCounts, ProgrammedAnalogMatrix } from './analog-matrix-options.js'
import type { ArrayLayout } from '../mapping/array-layout.js'
import type { ResolvedEngineOptions } from './engine-options.js'
import type { SliceRead, SliceReadContext } from './slice-reader.js'
import { readBlockSlices } from './block-reader.js'
import { contiguousColumns } from './slice-columns.js'
import type { ConverterStreams, FinishPart } from './fused-slice-finish.js'
import { finishSliceFused } from './fused-slice-finish.js'
import type { DirectResult, DirectTarget } from './fused-slice-finish.js'
import { shiftAdd } from './shift-add.js'
import { readSlice } from './slice-reader.js'
import type { Stage, StageRanges } from './stage-ranges.js'
import { stageKey } from './stage-ranges.js'
import { converterRandom } from './converter-random.js'
import { driveInputs } from './drive-inputs.js'
import { ScratchBuffers } from './scratch-buffers.js'
import { effectiveTimeS } from './effective-time.js'
import { concatenate, gatherRows, sumRows } from './drive-rows.js'

/**
 * Per chunk of a large batch: at most this many drive values (vectors × rows × planes, 2 MiB of
 * float32) and column values (vectors × planes × slices × outputs of a column block, 8 MiB). NOTE:
 * sized for the GEMM, not for L2: each weight strip is reused by every drive row of the chunk, so
 * chunks of a batch of 64 with 4 slices or 7 bit planes stay whole (chunks of 2 to 16 vectors
 * re-read the weights from memory up to 32 times per call).
 */
const chunkDriveValues = 1 << 19
const chunkColumnValues = 1 << 21

/** Everything a programmed matrix holds. @since 0.1.0 */
export interface CrossbarMatrixState {
  readonly rows: number
  readonly columns: number
  readonly organization: ArrayOrganizationV1
  readonly engine: ResolvedEngineOptions
  readonly inputEncoder: InputEncoderV1 | null
  readonly outputConverter: OutputConverterV1 | null
  readonly readContext: SliceReadContext
  /** blocks[rowBlock][columnBlock]. */
  readonly blocks: readonly (readonly ProgrammedBlock[])[]
  readonly weightScale: number
  readonly levels: CellLevels
  readonly profile: EncoderProfile
  readonly ranges: StageRanges
  readonly counter: ActivityCounter
  readonly random: RandomSource
  readonly layerName: string
}

/**
 * A matrix programmed on crossbars, computing like the circuits: drive planes → analog column
 * sums per slice (GEMM, read noise, IR drop) → conversion per input bit or after analog
 * accumulation → digital offset removal, shift-and-add of planes and slices (survey Eq. 8, 9 with
 * 2^(c·b)), partial sums of row blocks added digitally or in analog.
 * @since 0.1.0
 */
export class CrossbarMatrix implements ProgrammedAnalogMatrix {
  readonly rows: number
  readonly columns: number
  private calls = 0
  private readonly perArray = new Map<string, ActivityCounter>()
  /** True while `calibrate` profiles: calibration reads are offline and not counted as activity. */
  private profiling = false
  private calibratedInputScale: number | null = null
  private readonly scratch = new ScratchBuffers()
  private matrixCache: { readonly timeS: number | undefined; readonly version: number; readonly matrices: SliceMatrices[][][] } | null = null

  /** True when middleware wraps the reads (their results may be held by a technique). */
  private readonly middlewareReads: boolean
  /** Every drive level is ≥ 0 (unsigned bit planes or DAC levels): Σ drive = 0 means no row is driven. */
  private readonly nonNegativeDrive: boolean
  /** The backend's fused conversion and shift-and-add, where this matrix may use it; else null. */
  private readonly fusedConvertAccumulate: ((params: ConvertAccumulateParamsV1) => void) | null
  /**
   * The backend's conversion straight into the float32 result, when each output has one read (one
   * weight slice, one row block, digital partial sums): no float64 accumulator. Else null.
   */
  private readonly directConvert: ((params: ConvertScaleIntoParamsV1) => void) | null

  constructor(private readonly state: CrossbarMatrixState) {
    this.rows = state.rows
    this.columns = state.columns
    this.middlewareReads = state.readContext.middleware.some((technique) => technique.wrapMvm !== undefined)
    this.nonNegativeDrive = state.profile.planeMin.every((level) => level >= 0)
    // NOTE: an ideal uniform converter (or none) lets the backend convert and accumulate in one pass,
    // bit-identical to `convert` followed by the digital steps; middleware may keep the reads, so not then.
    const converter = state.outputConverter
    const fusable = converter === null || (converter.idealUniform === true && converter.bits !== null)
    const { backend } = state.readContext
    this.fusedConvertAccumulate = fusable && !this.middlewareReads && backend.convertAccumulate !== undefined ? backend.convertAccumulate.bind(backend) : null
    const oneReadPerOutput = state.readContext.encoding.slices === 1 && state.readContext.layout.rowBlocks === 1 && state.engine.partialSums !== 'analog'
    this.directConvert = this.fusedConvertAccumulate !== null && oneReadPerOutput && backend.convertScaleInto !== undefined ? backend.convertScaleInto.bind(backend) : null
  }

  get layout(): ArrayLayout {
    return this.state.readContext.layout
  }

  calibrate(inputs: Float32Array, batch: number): void {
    this.checkInputs(inputs, batch)
    if (this.state.engine.inputRange === undefined) this.calibratedInputScale = absolutePercentile(inputs, this.state.engine.inputPercentile) || 1
    // Only calibrated converter ranges need the profiling pass; bounded ones follow from the array.
    if (this.state.engine.adcRange.mode !== 'calibrated') return
    const samples = new Map<string, Float32Array[]>()
    this.profiling = true
    try {
      const inputScale = this.inputScale(inputs)
      const chunk = this.chunkVectors()
      for (let start = 0; start < batch; start += chunk) {
        const count = Math.min(chunk, batch - start)
        this.run(this.drive(inputs.subarray(start * this.rows, (start + count) * this.rows), inputScale), count, undefined, samples)
      }
    } finally {
      this.profiling = false
    }
    const arrays = new Map<string, Float32Array>()
    for (const [key, chunks] of samples) arrays.set(key, concatenate(chunks))
    this.state.ranges.calibrate(arrays, (slice) => this.state.ranges.digitBounds(slice).min < 0 || this.state.profile.planeMin.some((level) => level < 0))
  }

  mvm(inputs: Float32Array, batch: number, options?: { readonly timeS?: number }): Float32Array {
    this.checkInputs(inputs, batch)
    const inputScale = this.inputScale(inputs)
    const scale = this.state.weightScale * inputScale
    const result = new Float32Array(batch * this.columns)
    // NOTE: a large batch runs in chunks whose drive planes stay cache-sized (each vector is independent).
    const chunk = this.chunkVectors()
    for (let start = 0; start < batch; start += chunk) {
      const count = Math.min(chunk, batch - start)
      const offset = start * this.columns
      const output = this.run(this.drive(inputs.subarray(start * this.rows, (start + count) * this.rows), inputScale), count, options?.timeS, null, { result: result.subarray(offset), scale })
      // null: the conversion wrote this chunk's result itself (one read per output).
      if (output === null) continue
      // The backend narrows and scales in one pass where it can (result[i] = float32(output[i] · scale) either way).
      const { backend } = this.state.readContext
      if (backend.scaleInto !== undefined) backend.scaleInto(output, scale, result.subarray(offset, offset + output.length))
      else for (let index = 0; index < output.length; index++) result[offset + index] = output[index]! * scale
    }
    const bytes = Math.ceil(this.state.organization.inputBits / 8)
    this.state.counter.add('buffer', 'readBytes', batch * this.rows * bytes)
    this.state.counter.add('buffer', 'writeBytes', batch * this.columns * bytes)
    return result
  }

  activity(): ActivityCounts {
    return this.state.counter.snapshot()
  }

  /**
   * Cumulative counts per physical array, keyed `r<rowBlock>c<columnBlock>a<array>` (conversions of
   * row blocks summed in analog are keyed `c<columnBlock>analog`); buffer traffic is per layer only.
   */
  arrayActivity(): Readonly<Record<string, ActivityCounts>> {
    return Object.fromEntries([...this.perArray].map(([key, counter]) => [key, counter.snapshot()]))
  }

  private count(arrayKey: string, component: string, action: string, count: number): void {
    if (this.profiling) return
    this.state.counter.add(component, action, count)
    let counter = this.perArray.get(arrayKey)
    if (counter === undefined) this.perArray.set(arrayKey, (counter = new ActivityCounter()))
    counter.add(component, action, count)
  }

  /**
   * Input vectors per run: a cache-sized chunk. NOTE: the same with or without middleware, so a
   * technique that changes nothing gives exactly the plain run's values (streams follow chunks);
   * techniques keep per-array state and count per vector, so chunked calls cost them the same.
   */
  private chunkVectors(): number {
    const { cycles } = this.state.profile
    const columnValues = this.state.readContext.encoding.slices * Math.max(...this.state.blocks[0]!.map((block) => block.outputCount))
    return Math.max(1, Math.floor(Math.min(chunkDriveValues / (this.rows * cycles), chunkColumnValues / (columnValues * cycles))))
  }

  private checkInputs(inputs: Float32Array, batch: number): void {
    if (!Number.isInteger(batch) || batch < 1 || inputs.length !== batch * this.rows) {
      throw new InvalidArgumentError('inputs', `expected batch×rows = ${batch}×${this.rows} values, got ${inputs.length}`)
    }
  }

  private inputScale(inputs: Float32Array): number {
    return this.state.engine.inputRange ?? this.calibratedInputScale ?? (absolutePercentile(inputs, 100) || 1)
  }

  private drive(inputs: Float32Array, scale: number): DrivePlanes {
    // NOTE: reused buffers unless middleware sees the drive (a technique may keep what it sees).
    const buffer = this.middlewareReads ? (_name: string, length: number) => new Float32Array(length) : (name: string, length: number) => this.scratch.float32(name, length)
    return driveInputs(inputs, scale, this.state.inputEncoder, this.state.readContext.backend, buffer)
  }

  private matricesAt(timeS: number | undefined): SliceMatrices[][][] {
    const { layout, encoding, levels, device, disturbance, wireResistanceOhm, idleRows, irDropRelativeTolerance } = this.state.readContext
    const cache = this.matrixCache
    if (cache !== null && cache.timeS === timeS && cache.version === disturbance.version) return cache.matrices
    // Idle rows held at 0 V keep the wire network linear and drive-independent: its IR drop folds into the matrices.
    const wire = wireResistanceOhm > 0 && idleRows === 'driven' ? { ohm: wireResistanceOhm, relativeTolerance: irDropRelativeTolerance } : null
    const matrices = this.state.blocks.map((row) => row.map((block) => sliceMatrices(block, layout, encoding, levels, device, timeS, wire)))
    this.matrixCache = { timeS, version: disturbance.version, matrices }
    return matrices
  }

  /**
   * Runs the pipeline; with `samples`, records pre-conversion values instead of converting. With
   * `direct`, a read that is the only one of its outputs converts straight into the float32 result
   * (`direct.result` from this chunk's first row, times `direct.scale`) and run returns null.
   */
  private run(drive: DrivePlanes, batch: number, timeS: number | undefined, samples: Map<string, Float32Array[]> | null, direct: DirectResult | null = null): Float64Array | null {
    const { blocks, engine, readContext } = this.state
    const { layout, encoding } = readContext
    const vectors = drive.cycles * batch
    // NOTE: the call's stream is derived on first use (a derivation hashes labels; most reads draw nothing).
    const callIndex = this.calls++
    let callStream: RandomSource | null = null
    const call = (): RandomSource => (callStream ??= this.state.random.stream(samples === null ? 'mvm' : 'calibrate', callIndex))
    const deviceTimeS = timeS === undefined ? undefined : effectiveTimeS(readContext.middleware, timeS)
    const matrices = this.matricesAt(deviceTimeS)
    const gathered = blocks.map((row) => gatherRows(drive.planes, vectors, this.rows, row[0]!.rowStart, row[0]!.rowCount))
    const nonNegativeDrive = this.nonNegativeDrive
    // Σ drive per vector matters to idle vectors (non-negative drive) and the digital offset only;
    // otherwise zeros stand in for it (it is never read then).
    const rowSums = nonNegativeDrive || encoding.digitalOffset ? gathered.map((inputs, rowBlock) => sumRows(inputs, vectors, blocks[rowBlock]![0]!.rowCount)) : blocks.map(() => this.scratch.zeros(vectors))
    const analogPartialSums = engine.partialSums === 'analog'
    // Σ drive over all row blocks: only row blocks summed in analog are converted together.
    const totalRowSums = analogPartialSums ? new Float64Array(vectors) : null
    if (totalRowSums !== null) for (const sums of rowSums) for (let vector = 0; vector < vectors; vector++) totalRowSums[vector]! += sums[vector]!
    const perPlane = this.state.organization.conversion === 'per-input-bit' || drive.cycles === 1
    const directResult: DirectTarget | null = direct !== null && samples === null && this.directConvert !== null && perPlane ? { ...direct, resultColumns: this.columns, convertScaleInto: this.directConvert } : null
    // Consumed by the caller before the next run (`mvm` scales it into its result); unused when direct.
    const output = directResult === null ? this.scratch.float64('output', batch * this.columns) : this.scratch.zeros(0)
    if (directResult === null) output.fill(0)
    const sliceRead = (rowBlock: number, columnBlock: number, slice: number): SliceRead => {
      const block = blocks[rowBlock]![columnBlock]!
      const arrayKey = `r${rowBlock}c${columnBlock}a${Math.floor(slice / layout.slicesPerArray)}`
      const arrayId = `${this.state.layerName}/${arrayKey}/s${slice}`
      let random: RandomSource | null = null
      // NOTE: the read's stream is derived on first use; the fused path of a noiseless read draws nothing.
      return {
        block,
        slice,
        matrices: matrices[rowBlock]![columnBlock]![slice]!,
        timeS,
        deviceTimeS,
        arrayId,
        get random(): RandomSource {
          return (random ??= call().stream('block', rowBlock, columnBlock, slice))
        },
        ...(nonNegativeDrive ? { nonNegativeRowSums: rowSums[rowBlock]! } : {}),
      }
    }
    const slices = Array.from({ length: encoding.slices }, (_, slice) => slice)
    for (let columnBlock = 0; columnBlock < layout.columnBlocks; columnBlock++) {
      const outputCount = blocks[0]![columnBlock]!.outputCount
      // Without middleware around reads, each block reads all its slices at once (one wide GEMM);
      // with it, reads keep the slice-major order the techniques have always seen.
      const blockReads = this.middlewareReads
        ? null
        : blocks.map((_, rowBlock) => readBlockSlices(readContext, slices.map((slice) => sliceRead(rowBlock, columnBlock, slice)), gathered[rowBlock]!, vectors, (length) => this.scratch.float32(`read${rowBlock}`, length)))
      for (let slice = 0; slice < encoding.slices; slice++) {
        const analogSum = analogPartialSums ? new Float32Array(vectors * outputCount) : null
        for (let rowBlock = 0; rowBlock < layout.rowBlocks; rowBlock++) {
          const block = blocks[rowBlock]![columnBlock]!
          const arrayKey = `r${rowBlock}c${columnBlock}a${Math.floor(slice / layout.slicesPerArray)}`
          if (slice % layout.slicesPerArray === 0) {
            const usedColumns = block.arrays[0]!.usedColumns
            this.count(arrayKey, 'array', 'mvm', vectors)
            this.count(arrayKey, 'array', 'cellRead', vectors * block.rowCount * usedColumns)
            this.count(arrayKey, 'dac', 'drive', vectors * block.rowCount)
          }
          // A slice read's streams are derived from labels, so a second read object gives the same ones.
          let read: SliceRead | null = null
          const readOf = (): SliceRead => (read ??= sliceRead(rowBlock, columnBlock, slice))
          const analog = blockReads?.[rowBlock]![slice] ?? { data: readSlice(readContext, readOf(), gathered[rowBlock]!, vectors), stride: outputCount, offset: 0 }
          if (analogSum !== null) {
            const values = contiguousColumns(analog, vectors, outputCount)
            for (let index = 0; index < values.length; index++) analogSum[index]! += values[index]!
          } else {
            const converter = (): ConverterStreams => ({ fixed: this.state.random.stream('converter', rowBlock, columnBlock, slice), call: readOf().random.stream('convert') })
            this.finish({ analog, rowSums: rowSums[rowBlock]!, flipped: block.flipped[slice] ?? null, slice, outputStart: block.outputStart, outputCount, arrayKey }, drive, batch, output, converter, samples, directResult)
          }
        }
        if (analogSum !== null) {
          const converter = (): ConverterStreams => ({ fixed: this.state.random.stream('converter', 'analog-sum', columnBlock, slice), call: call().stream('convert', columnBlock, slice) })
          this.finish({ analog: { data: analogSum, stride: outputCount, offset: 0 }, rowSums: totalRowSums!, flipped: null, slice, outputStart: blocks[0]![columnBlock]!.outputStart, outputCount, arrayKey: `c${columnBlock}analog` }, drive, batch, output, converter, samples)
        }
      }
    }
    return directResult === null ? output : null
  }

  /** Conversion, digital offset removal and shift-and-add of one slice's column values. */
  private finish(
    part: FinishPart,
    drive: DrivePlanes,
    batch: number,
    output: Float64Array,
    streams: () => ConverterStreams,
    samples: Map<string, Float32Array[]> | null,
    direct: DirectTarget | null = null,
  ): void {
    const { organization, outputConverter, ranges, levels, readContext } = this.state
    const { encoding } = readContext
    const { analog, rowSums, flipped, slice, outputStart, outputCount, arrayKey } = part
    const perPlane = organization.conversion === 'per-input-bit' || drive.cycles === 1
    const shift = 2 ** (slice * encoding.bitsPerCell)
    const stageCount = perPlane ? drive.cycles : 1
    const size = batch * outputCount
    const convertAccumulate = this.fusedConvertAccumulate
    if (perPlane && samples === null && convertAccumulate !== null) {
      const count = (key: string, component: string, action: string, value: number): void => this.count(key, component, action, value)
      finishSliceFused({ converter: outputConverter, ranges, levels, encoding, part, drive, batch, output, outputColumns: this.columns, idleVectors: this.nonNegativeDrive, convertAccumulate, count, direct })
      return
    }
    const analogValues = contiguousColumns(analog, drive.cycles * batch, outputCount)
    const random = streams()
    for (let stageIndex = 0; stageIndex < stageCount; stageIndex++) {
      let values: Float32Array
      let stageRowSums: Float64Array
      let weight: number
      const stage: Stage = { slice, plane: perPlane ? drive.profilePlane[stageIndex]! : null }
      if (perPlane) {
        // A view converted in place when the engine made the read (each plane's region serves this
        // stage only); a copy when middleware returned it, as the technique may keep it.
        const start = stageIndex * size
        values = this.middlewareReads ? analogValues.slice(start, start + size) : analogValues.subarray(start, start + size)
        stageRowSums = rowSums.subarray(stageIndex * batch, (stageIndex + 1) * batch)
        weight = drive.planeWeights[stageIndex]!
      } else {
        // Analog accumulation of the planes (charge sharing / integration), weights applied in analog.
        values = new Float32Array(size)
        stageRowSums = new Float64Array(batch)
        for (let plane = 0; plane < drive.cycles; plane++) {
          const planeWeight = drive.planeWeights[plane]!
          for (let index = 0; index < size; index++) values[index]! += planeWeight * analogValues[plane * size + index]!
          for (let vector = 0; vector < batch; vector++) stageRowSums[vector]! += planeWeight * rowSums[plane * batch + vector]!
        }
        weight = 1
      }
      if (samples !== null) {
        const key = stageKey(stage)
        let list = samples.get(key)
        if (list === undefined) samples.set(key, (list = []))
        list.push(values.slice())
        continue
      }
      this.count(arrayKey, 'adc', 'convert', size)
      if (outputConverter !== null) {
        this.count(arrayKey, 'sampleHold', 'sample', size)
        const range = ranges.rangeFor(stage, drive.planeWeights, drive.profilePlane)
        outputConverter.convert(values, outputCount, range, converterRandom(random.fixed, random.call.stream(stageIndex)), values)
      }
      if (!encoding.digitalOffset) {
        // Sign-magnitude pairs and reference columns leave nothing to remove digitally: shift-and-add only.
        shiftAdd(values, batch, outputCount, output, this.columns, outputStart, weight * shift)
        this.count(arrayKey, 'shiftAdd', 'add', size)
        continue
      }
      const bias = biasDigit(encoding, slice)
      // NOTE: the digital unit removes the G_min current as a calibrated offset r·Σx held at the
      // product LSB (the accumulator's resolution), so with a quantized converter it is an integer
      // number of LSBs, as digital logic computes it; with ideal readout it is exact.
      const unit = outputConverter !== null ? ranges.unitFor(stage, drive.planeWeights) : 0
      const factor = weight * shift
      for (let vector = 0; vector < batch; vector++) {
        const rowSum = stageRowSums[vector]!
        const offsetExact = levels.offsetDigits * rowSum
        const gminOffset = unit > 0 ? Math.round(offsetExact / unit) * unit : offsetExact
        const outputBase = vector * this.columns + outputStart
        const valueBase = vector * outputCount
        // Σx·d = (v − offset) − bias·Σx; stored (flipped) digits d̃ = maxDigit − d give
        // Σx·d = maxDigit·Σx − (v − offset) − bias·Σx.
        const biasTerm = bias * rowSum
        const flippedTerm = encoding.maxDigit * rowSum
        if (flipped === null) {
          for (let column = 0; column < outputCount; column++) output[outputBase + column]! += factor * (values[valueBase + column]! - gminOffset - biasTerm)
        } else {
          for (let column = 0; column < outputCount; column++) {
            const value = values[valueBase + column]! - gminOffset
            output[outputBase + column]! += factor * ((flipped[column] === 1 ? flippedTerm - value : value) - biasTerm)
          }
        }
      }
      this.count(arrayKey, 'shiftAdd', 'add', size * 2)
    }
  }
}
