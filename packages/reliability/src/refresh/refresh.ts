import { defineComponentCost } from '@cimkit/core'
import type { DeviceModelV1, MvmCallV1, ProgramCallV1, ProgrammedCellsV1 } from '@cimkit/core'
import { arrayKeyOf } from '../host/array-key.js'
import type { AddedComponent } from '../cost/technique-cost.js'
import { refreshOptionsSchema } from './refresh-options.js'
import type { RefreshOptions } from './refresh-options.js'
import type { TimeAwareMiddleware } from '../host/time-aware-middleware.js'

/**
 * Periodic refresh (reprogramming) as middleware. `periodic` reprograms every `intervalS`;
 * `drift-threshold` derives the interval from the drift law: reprogram when (T/t₀)^−ν̄ reaches the
 * retained fraction r, T = t₀·r^(−1/ν̄). The array then always holds a state at most T old, which
 * is what the time hook `effectiveTimeS` tells the host; each refresh's pulses are recorded
 * (`refresh`/`pulse`, rows × columns × pulsesPerCell per refresh) when an MVM first sees it.
 * NOTE: the inner MVM sees the refreshed state only through the host applying `effectiveTimeS`
 * (no spec hook yet); a refresh restores the drift-free state and does not redraw programming error.
 * @since 0.1.0
 */
export class Refresh implements TimeAwareMiddleware {
  readonly specificationVersion = 'v1' as const
  readonly type = 'refresh'
  /** Seconds between refreshes. */
  readonly intervalS: number
  private readonly options: ReturnType<typeof refreshOptionsSchema.parse>
  private readonly refreshesSeen = new Map<string, number>()
  private device: DeviceModelV1 | null = null
  private pulses = 0

  constructor(options: RefreshOptions) {
    this.options = refreshOptionsSchema.parse(options)
    this.intervalS = this.options.policy === 'periodic' ? this.options.intervalS : this.options.driftReferenceTimeS * Math.pow(this.options.minRetainedFraction, -1 / this.options.meanDriftExponent)
  }

  /** Refresh pulses, costed with the device's programming pulse once a block is programmed. */
  get addedComponents(): readonly AddedComponent[] {
    if (this.device === null) return []
    const { cost, type } = this.device
    return [
      {
        name: 'refresh',
        count: 1,
        cost: defineComponentCost({
          componentClass: 'refresh',
          energyPerActionJ: { pulse: cost.writeEnergyPerPulseJ },
          latencyPerActionS: { pulse: cost.writePulseS },
          areaMm2: 0,
          source: `device "${type}" programming pulse (${cost.source}); rewritten from the host copy of the weights with the array's own drivers`,
        }),
      },
    ]
  }

  /**
   * Since the run started: the interval (seconds), arrays seen, array refreshes (reprogrammings,
   * summed over arrays), the most refreshes of one array, and the refresh pulses.
   */
  statistics(): { readonly intervalS: number; readonly arrays: number; readonly refreshes: number; readonly refreshesPerArrayMax: number; readonly pulses: number } {
    let refreshes = 0
    let most = 0
    for (const count of this.refreshesSeen.values()) {
      refreshes += count
      most = Math.max(most, count)
    }
    return { intervalS: this.intervalS, arrays: this.refreshesSeen.size, refreshes, refreshesPerArrayMax: most, pulses: this.pulses }
  }

  /** Refreshes that have happened by `timeS` after the first programming. */
  refreshesBy(timeS: number): number {
    return Math.max(0, Math.floor(timeS / this.intervalS))
  }

  effectiveTimeS(timeS: number): number {
    return timeS - this.refreshesBy(timeS) * this.intervalS
  }

  /** Only notes the device, to cost refresh pulses with it. */
  wrapProgram(call: ProgramCallV1): ProgrammedCellsV1 {
    this.device = call.device
    return call.doProgram(call.targetsS)
  }

  /** `call.timeS` is the time since the first programming; refreshes up to then are recorded once per array. */
  wrapMvm(call: MvmCallV1): Float32Array {
    const key = arrayKeyOf(call)
    const refreshes = this.refreshesBy(call.timeS)
    const seen = this.refreshesSeen.get(key) ?? 0
    if (refreshes > seen) {
      const pulses = (refreshes - seen) * call.rows * call.columns * this.options.pulsesPerCell
      this.pulses += pulses
      call.record('refresh', 'pulse', pulses)
    }
    this.refreshesSeen.set(key, Math.max(refreshes, seen))
    return call.doMvm(call.inputs)
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options, intervalS: this.intervalS }
  }
}

/** Creates refresh middleware. @since 0.1.0 */
export function createRefresh(options: RefreshOptions): Refresh {
  return new Refresh(options)
}
