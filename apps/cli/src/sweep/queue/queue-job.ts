import type { SweepTask } from '../sweep-worker.js'

/** What a queued job carries: the point to run and the sweep it belongs to. @since 0.1.0 */
export interface SweepQueueJob {
  readonly fingerprint: string
  readonly task: SweepTask
}
