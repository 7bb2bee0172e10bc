import { defineComponentCost, InvalidArgumentError } from '@cimkit/core'
import type { MvmCallV1, ReliabilityMiddlewareV1 } from '@cimkit/core'
import { arrayKeyOf } from '../host/array-key.js'
import { HOROWITZ_45NM } from '../cost/horowitz-45nm.js'
import type { AddedComponent } from '../cost/technique-cost.js'
import { driftCompensationOptionsSchema } from './drift-compensation-options.js'
import type { DriftCompensationOptions } from './drift-compensation-options.js'

interface ArrayBaseline {
  /** Σ|y| of the reference read per column, right after programming. */
  readonly baseline: Float64Array
  alphaTimeS: number
  alpha: Float32Array
}

/**
 * Drift compensation as middleware (aihwkit Global/PerColumnDriftCompensation, anchor-aihwkit
 * §6.5; paper 003 §VIII "slope correction"): a reference read right after programming gives a
 * baseline per column; at a later time t the same reference read gives the drifted response, and the
 * outputs are multiplied digitally by α = baseline / current (one α, or one per column).
 *
 * The first read of an array must come within `baselineWindowS` of programming (a host reads it
 * once after programming, as aihwkit does); a later first read is an error, never a silent α = 1.
 * Hosts that reprogram an array call `resetBaselines()`. α is measured once per array and time.
 * @since 0.1.0
 */
export class DriftCompensation implements ReliabilityMiddlewareV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'drift-compensation'
  private readonly options: ReturnType<typeof driftCompensationOptionsSchema.parse>
  private readonly arrays = new Map<string, ArrayBaseline>()
  private totals = { referenceReads: 0, scaleUpdates: 0, scaledOutputs: 0 }

  constructor(options: DriftCompensationOptions = {}) {
    this.options = driftCompensationOptionsSchema.parse(options)
  }

  /** The digital scaler that multiplies each output by α (a 16-bit floating-point multiply). */
  get addedComponents(): readonly AddedComponent[] {
    const multiply = HOROWITZ_45NM.floatMultiply16
    return [
      {
        name: 'driftCompensation',
        count: 1,
        cost: defineComponentCost({
          componentClass: 'drift-compensation-scaler',
          energyPerActionJ: { scale: multiply.energyJ, referenceRead: 0 },
          areaMm2: multiply.areaUm2 * 1e-6,
          source: `${HOROWITZ_45NM.source}: 16-bit FP multiply per scaled output (1.1 pJ, 1640 µm²); reference reads are MVMs of the array, costed by the host's activity`,
        }),
      },
    ]
  }

  /**
   * Since the run started: arrays with a baseline, reference-read planes, α measurements, outputs
   * scaled, and the scale factors α of the latest measurement of every array (mean, min, max over
   * arrays and columns; 1 before any later read: α > 1 undoes a conductance decay).
   */
  statistics(): { readonly arrays: number; readonly referenceReads: number; readonly scaleUpdates: number; readonly scaledOutputs: number; readonly scaleMean: number; readonly scaleMin: number; readonly scaleMax: number } {
    let sum = 0
    let count = 0
    let min = Infinity
    let max = -Infinity
    for (const { alpha } of this.arrays.values()) {
      for (const value of alpha) {
        sum += value
        min = Math.min(min, value)
        max = Math.max(max, value)
      }
      count += alpha.length
    }
    return { arrays: this.arrays.size, ...this.totals, scaleMean: count === 0 ? 1 : sum / count, scaleMin: count === 0 ? 1 : min, scaleMax: count === 0 ? 1 : max }
  }

  /** Forgets every baseline (after the arrays are reprogrammed). */
  resetBaselines(): void {
    this.arrays.clear()
  }

  wrapMvm(call: MvmCallV1): Float32Array {
    const key = arrayKeyOf(call)
    let state = this.arrays.get(key)
    if (state === undefined || state.baseline.length !== call.columns) {
      if (call.timeS > this.options.baselineWindowS) {
        throw new InvalidArgumentError('timeS', `drift-compensation has no baseline for array ${key}: read it within ${this.options.baselineWindowS} s of programming first (got a first read at ${call.timeS} s)`)
      }
      state = { baseline: this.referenceRead(call), alphaTimeS: call.timeS, alpha: new Float32Array(call.columns).fill(1) }
      this.arrays.set(key, state)
    }
    if (call.timeS <= this.options.baselineWindowS) return call.doMvm(call.inputs)
    if (state.alphaTimeS !== call.timeS) {
      state.alpha = this.scales(state.baseline, this.referenceRead(call))
      state.alphaTimeS = call.timeS
      this.totals.scaleUpdates++
    }
    const out = call.doMvm(call.inputs)
    const { alpha } = state
    for (let plane = 0; plane < call.batch; plane++) {
      const base = plane * call.columns
      for (let column = 0; column < call.columns; column++) out[base + column]! *= alpha[column]!
    }
    this.totals.scaledOutputs += call.batch * call.columns
    call.record('driftCompensation', 'scale', call.batch * call.columns)
    return out
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }

  /**
   * Σ_planes |y| per column of the reference read, through the inner layers.
   * NOTE: the spec's `doMvm` returns batch × columns, so a host may size its read for `call.batch`
   * planes (the engine does): the reference planes go in groups of exactly `call.batch`, the last
   * group padded with zero planes (no drive: no current, no disturb, and counted as no read).
   */
  private referenceRead(call: MvmCallV1): Float64Array {
    const { rows, columns, batch } = call
    const identity = this.options.referenceInput === 'identity'
    const planes = identity ? rows : 1
    const sums = new Float64Array(columns)
    const drive = new Float32Array(batch * rows)
    for (let first = 0; first < planes; first += batch) {
      const count = Math.min(batch, planes - first)
      drive.fill(0)
      if (identity) for (let plane = 0; plane < count; plane++) drive[plane * rows + first + plane] = 1
      else drive.fill(1, 0, rows)
      const response = call.doMvm(drive)
      for (let plane = 0; plane < count; plane++) for (let column = 0; column < columns; column++) sums[column]! += Math.abs(response[plane * columns + column]!)
    }
    this.totals.referenceReads += planes
    call.record('driftCompensation', 'referenceRead', planes)
    return sums
  }

  private scales(baseline: Float64Array, current: Float64Array): Float32Array {
    let baselineTotal = 0
    let currentTotal = 0
    let currentMax = 0
    for (let column = 0; column < baseline.length; column++) {
      baselineTotal += baseline[column]!
      currentTotal += current[column]!
      currentMax = Math.max(currentMax, current[column]!)
    }
    const global = currentTotal > 0 ? baselineTotal / currentTotal : 1
    const alpha = new Float32Array(baseline.length).fill(global)
    if (this.options.mode === 'global') return alpha
    // A column that reads (almost) nothing has no measurable scale of its own: it keeps the global one.
    for (let column = 0; column < baseline.length; column++) if (current[column]! > 1e-6 * currentMax) alpha[column] = baseline[column]! / current[column]!
    return alpha
  }
}

/** Creates drift-compensation middleware. @since 0.1.0 */
export function createDriftCompensation(options: DriftCompensationOptions = {}): DriftCompensation {
  return new DriftCompensation(options)
}
