import type { ActionRecorderV1 } from '@cimkit/core'

/** Collects `record(component, action, count)` calls, as the engine's activity counter does. @since 0.1.0 */
export class ActionCounter {
  readonly counts: Record<string, Record<string, number>> = {}
  readonly record: ActionRecorderV1 = (component, action, count) => {
    const actions = (this.counts[component] ??= {})
    actions[action] = (actions[action] ?? 0) + count
  }

  get(component: string, action: string): number {
    return this.counts[component]?.[action] ?? 0
  }
}
