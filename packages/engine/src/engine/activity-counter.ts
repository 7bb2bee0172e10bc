import type { ActivityCounts } from './analog-matrix-options.js'

/**
 * Cumulative action counts by component and action, in the vocabulary of contracts.md
 * (`array.mvm`, `array.cellRead`, `dac.drive`, `adc.convert`, `shiftAdd.add`, `sampleHold.sample`,
 * `buffer.readBytes`, `buffer.writeBytes`, `digital.op`).
 * @since 0.1.0
 */
export class ActivityCounter {
  private readonly counts = new Map<string, Map<string, number>>()

  /** Adds `count` actions; usable as a middleware `ActionRecorderV1`. */
  readonly add = (component: string, action: string, count: number): void => {
    if (count === 0) return
    let actions = this.counts.get(component)
    if (actions === undefined) {
      actions = new Map()
      this.counts.set(component, actions)
    }
    actions.set(action, (actions.get(action) ?? 0) + count)
  }

  /** Plain-object copy of the counts. */
  snapshot(): ActivityCounts {
    const result: Record<string, Record<string, number>> = {}
    for (const [component, actions] of this.counts) result[component] = Object.fromEntries(actions)
    return result
  }
}

/**
 * Sums several counts (e.g. the matrices of one layer), optionally dividing by the number of
 * inferences simulated to get per-inference counts for `ActivityV1`.
 * @since 0.1.0
 */
export function sumActivity(parts: readonly ActivityCounts[], divisor = 1): ActivityCounts {
  const counter = new ActivityCounter()
  for (const part of parts) for (const [component, actions] of Object.entries(part)) for (const [action, count] of Object.entries(actions)) counter.add(component, action, count / divisor)
  return counter.snapshot()
}
