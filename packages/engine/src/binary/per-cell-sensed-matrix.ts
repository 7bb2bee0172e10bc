import type { ComputeBackendV1, DeviceModelV1, OutputConverterV1, RandomSource, ReliabilityMiddlewareV1 } from '@cimkit/core'
import { ActivityCounter } from '../engine/activity-counter.js'
import type { ActivityCounts, ProgrammedAnalogMatrix } from '../engine/analog-matrix-options.js'
import { converterRandom } from '../engine/converter-random.js'
import { effectiveTimeS } from '../engine/effective-time.js'
import { residentGemm } from '../engine/resident-gemm.js'
import type { ArrayLayout } from '../mapping/array-layout.js'
import type { BinaryStorage } from './binary-storage.js'
import { cellDifferentials, fillDifferentials } from './cell-differentials.js'
import type { CellDifferentials } from './cell-differentials.js'
import type { BinaryBlock } from './program-binary-cells.js'
import { recordingRandom } from './recording-random.js'
import { senseDecisions } from './sense-decisions.js'

/** Everything a per-cell sensed matrix holds after programming. @since 0.1.0 */
export interface PerCellMatrixState {
  readonly rows: number
  readonly columns: number
  readonly layout: ArrayLayout
  readonly storage: BinaryStorage
  /** Reference conductance a single device is compared with, siemens (unused for pairs). */
  readonly referenceS: number
  readonly blocks: readonly BinaryBlock[]
  /** Real weight of one ±1 step. */
  readonly weightScale: number
  readonly device: DeviceModelV1
  readonly outputConverter: OutputConverterV1 | null
  readonly middleware: readonly ReliabilityMiddlewareV1[]
  readonly backend: ComputeBackendV1
  readonly random: RandomSource
}

/** The array at one device time: each block's differentials and, when reads are deterministic, the sensed matrices. */
interface TimeState {
  readonly timeS: number | undefined
  readonly differentials: readonly CellDifferentials[]
  /** Sensed XNOR with input +1 (the weight as read) and −1, rows × columns (±1); null = draw per read. */
  readonly plus: Float32Array | null
  readonly minus: Float32Array | null
  /** minus = −plus everywhere: one GEMM serves both input signs. */
  readonly antisymmetric: boolean
}

/** Decisions per converter call on the per-read path (bounds the scratch buffer to 4 MB). */
const VALUES_PER_CALL = 1 << 20

/**
 * A binary weight matrix read synapse by synapse (paper 004: Hirtzlin et al., Front. Neurosci. 2020,
 * §2.2–2.4): every cell (2T2R pair, or 1T1R device against a reference) is compared by its own sense
 * amplifier, the configured 1-bit converter, whose decision with a ±1 input x is XNOR(x, w); the
 * decisions are popcounted digitally (output = Σ_i XNOR_i in ±1 form = 2·popcount − n) and row blocks'
 * counts added. Non-binary inputs (a first layer fed pixels) multiply the sensed weights digitally.
 *
 * Exactness of the fast path: the converter sees x_i·u_ij, so its decision is d_ij = s(x_i·u_ij). When
 * s is deterministic for the programmed array — the device has no read noise and the converter made no
 * direct random draw while sensing every cell (per-call noise; static mismatch comes from named streams,
 * the engine's converter convention) — s is a fixed function, so d_ij = s(u_ij) where x_i = +1 and
 * s(−u_ij) where x_i = −1. Sensing every cell once with each sign gives S⁺ and S⁻, and
 * Σ_i d_ij = Σ_i p_i S⁺_ij + Σ_i m_i S⁻_ij with p = (1 + x)/2, m = (1 − x)/2: an exact product of
 * 0/1 and ±1 values (integers below 2^24, exact in float32); when S⁻ = −S⁺ (no offsets) it is x·S⁺.
 * Otherwise every read draws: the converter decides every synapse of every input vector.
 * @since 0.1.0
 */
export class PerCellSensedMatrix implements ProgrammedAnalogMatrix {
  readonly rows: number
  readonly columns: number
  readonly layout: ArrayLayout
  private readonly perArray = new Map<string, ActivityCounter>()
  private cache: TimeState | null = null
  private calls = 0

  /** `counter` already holds what programming recorded (middleware pulses, test reads). */
  constructor(
    private readonly state: PerCellMatrixState,
    private readonly counter: ActivityCounter = new ActivityCounter(),
  ) {
    this.rows = state.rows
    this.columns = state.columns
    this.layout = state.layout
  }

  /** Nothing to calibrate: the comparator's range is the differential's (−1, 1) and inputs stay digital. */
  calibrate(): void {}

  mvm(inputs: Float32Array, batch: number, options?: { readonly timeS?: number }): Float32Array {
    const { rows, columns } = this
    const timeS = options?.timeS === undefined ? undefined : effectiveTimeS(this.state.middleware, options.timeS)
    const at = this.stateAt(timeS)
    const binary = isBinary(inputs, batch * rows)
    const output = new Float32Array(batch * columns)
    const call = this.state.random.stream('mvm', this.calls++)
    if (at.plus !== null) this.productOfSensed(at, inputs, batch, binary, output)
    else for (const [index, block] of this.state.blocks.entries()) this.readPerRead(block, at.differentials[index]!, inputs, batch, binary, call, output)
    const scale = this.state.weightScale
    for (let index = 0; index < output.length; index++) output[index] = output[index]! * scale
    this.countActivity(batch, binary)
    this.disturb(batch, call)
    return output
  }

  activity(): ActivityCounts {
    return this.counter.snapshot()
  }

  arrayActivity(): Readonly<Record<string, ActivityCounts>> {
    return Object.fromEntries([...this.perArray].map(([key, counter]) => [key, counter.snapshot()]))
  }

  /** Whether reads at `timeS` draw per read (device read noise, or a converter with per-call noise). */
  drawsPerRead(timeS?: number): boolean {
    return this.stateAt(timeS).plus === null
  }

  private stateAt(timeS: number | undefined): TimeState {
    if (this.cache !== null && this.cache.timeS === timeS) return this.cache
    const { blocks, storage, referenceS, device, columns, rows } = this.state
    const differentials = blocks.map((block) => cellDifferentials(block, storage, referenceS, device, timeS))
    let plus: Float32Array | null = null
    let minus: Float32Array | null = null
    let antisymmetric = false
    if (differentials.every((cells) => cells.noiseStdS === null)) {
      plus = new Float32Array(rows * columns)
      minus = new Float32Array(rows * columns)
      let deterministic = true
      blocks.forEach((block, index) => {
        for (const sign of [1, -1] as const) {
          const values = Float32Array.from(differentials[index]!.u, (u) => sign * u)
          const probe = recordingRandom(this.state.random.stream('probe', block.rowBlock, block.columnBlock, sign))
          senseDecisions(values, block.outputCount, this.state.outputConverter, converterRandom(this.fixedRandom(block), probe.random))
          if (probe.drew()) deterministic = false
          scatter(values, block, columns, sign === 1 ? plus! : minus!)
        }
      })
      if (deterministic) antisymmetric = plus.every((value, index) => value === -minus![index]!)
      else plus = minus = null
    }
    this.cache = { timeS, differentials, plus, minus, antisymmetric }
    return this.cache
  }

  /** Per-converter static mismatch stream (same across calls), as the crossbar path's `converter/<block>`. */
  private fixedRandom(block: BinaryBlock): RandomSource {
    return this.state.random.stream('converter', block.rowBlock, block.columnBlock, 0)
  }

  private productOfSensed(at: TimeState, inputs: Float32Array, batch: number, binary: boolean, output: Float32Array): void {
    const { rows, columns } = this
    const { backend } = this.state
    if (!binary || at.antisymmetric) {
      // Non-binary inputs read the weight alone (input branch +1) and multiply it digitally.
      residentGemm(backend, batch, columns, rows, inputs, at.plus!, output)
      return
    }
    const positive = new Float32Array(batch * rows)
    const negative = new Float32Array(batch * rows)
    for (let index = 0; index < positive.length; index++) {
      if (inputs[index]! > 0) positive[index] = 1
      else negative[index] = 1
    }
    residentGemm(backend, batch, columns, rows, positive, at.plus!, output)
    residentGemm(backend, batch, columns, rows, negative, at.minus!, output, 1)
  }

  /** Every synapse of every input vector decided by the converter, with fresh read noise. */
  private readPerRead(block: BinaryBlock, cells: CellDifferentials, inputs: Float32Array, batch: number, binary: boolean, call: RandomSource, output: Float32Array): void {
    const { rowStart, rowCount, outputStart, outputCount, cellColumns } = block
    const { rows, columns } = this
    const synapses = rowCount * outputCount
    const chunk = Math.max(1, Math.min(batch, Math.floor(VALUES_PER_CALL / synapses)))
    const values = new Float32Array(chunk * synapses)
    const noisyU = cells.noiseStdS === null ? null : new Float32Array(synapses)
    const noisyG = cells.noiseStdS === null ? null : new Float32Array(cells.conductanceS.length)
    const random = call.stream('block', block.rowBlock, block.columnBlock)
    const fixed = this.fixedRandom(block)
    for (let first = 0, part = 0; first < batch; first += chunk, part++) {
      const images = Math.min(chunk, batch - first)
      for (let image = 0; image < images; image++) {
        let u = cells.u
        if (noisyG !== null && noisyU !== null) {
          random.stream('read-noise', part, image).fillNormal(noisyG, 0, 1)
          for (let index = 0; index < noisyG.length; index++) noisyG[index] = Math.max(0, cells.conductanceS[index]! + cells.noiseStdS![index]! * noisyG[index]!)
          fillDifferentials(noisyG, this.state.storage, this.state.referenceS, rowCount, outputCount, cellColumns, noisyU)
          u = noisyU
        }
        const input = (first + image) * rows + rowStart
        const base = image * synapses
        for (let row = 0; row < rowCount; row++) {
          const sign = binary && inputs[input + row]! < 0 ? -1 : 1
          for (let column = 0; column < outputCount; column++) values[base + row * outputCount + column] = sign * u[row * outputCount + column]!
        }
      }
      const decided = images === chunk ? values : values.subarray(0, images * synapses)
      senseDecisions(decided, outputCount, this.state.outputConverter, converterRandom(fixed, random.stream('convert', part)))
      for (let image = 0; image < images; image++) {
        const input = (first + image) * rows + rowStart
        const target = (first + image) * columns + outputStart
        const base = image * synapses
        for (let row = 0; row < rowCount; row++) {
          const weight = binary ? 1 : inputs[input + row]!
          const decisions = base + row * outputCount
          for (let column = 0; column < outputCount; column++) output[target + column] = output[target + column]! + weight * decided[decisions + column]!
        }
      }
    }
  }

  /**
   * Read disturb: every device was read once per input vector, at the PCSA's one polarity (+1); the
   * changed conductances are sensed anew on the next call.
   */
  private disturb(batch: number, call: RandomSource): void {
    const { device, blocks } = this.state
    if (device.applyReadDisturb === undefined) return
    for (const block of blocks) device.applyReadDisturb(block.cells, batch, 1, call.stream('disturb', block.rowBlock, block.columnBlock))
    this.cache = null
  }

  private countActivity(batch: number, binary: boolean): void {
    const { storage, blocks } = this.state
    const devicesPerSynapse = storage === 'pair' ? 2 : 1
    for (const block of blocks) {
      const synapses = batch * block.rowCount * block.outputCount
      const key = `r${block.rowBlock}c${block.columnBlock}a0`
      // One word-line read senses the block's columns; one decision per synapse (adc.convert); each
      // decision is one popcount add (±1 inputs) or one digital multiply-add (multi-bit inputs).
      this.record(key, 'array', 'mvm', batch * block.rowCount)
      this.record(key, 'array', 'cellRead', synapses * devicesPerSynapse)
      this.record(key, 'adc', 'convert', synapses)
      this.record(key, binary ? 'shiftAdd' : 'digital', binary ? 'add' : 'op', synapses)
    }
    // Row blocks' partial counts merged per output.
    this.counter.add('shiftAdd', 'add', batch * this.columns * (this.layout.rowBlocks - 1))
  }

  private record(arrayKey: string, component: string, action: string, count: number): void {
    this.counter.add(component, action, count)
    let counter = this.perArray.get(arrayKey)
    if (counter === undefined) this.perArray.set(arrayKey, (counter = new ActivityCounter()))
    counter.add(component, action, count)
  }
}

function isBinary(values: Float32Array, length: number): boolean {
  for (let index = 0; index < length; index++) {
    const value = values[index]!
    if (value !== 1 && value !== -1) return false
  }
  return true
}

/** Copies a block's decisions (rowCount × outputCount) into the matrix-wide rows × columns array. */
function scatter(decisions: Float32Array, block: BinaryBlock, columns: number, target: Float32Array): void {
  for (let row = 0; row < block.rowCount; row++) {
    target.set(decisions.subarray(row * block.outputCount, (row + 1) * block.outputCount), (block.rowStart + row) * columns + block.outputStart)
  }
}
