/** The BullMQ queue every cimkit worker listens on (one queue; jobs carry their sweep's fingerprint). @since 0.1.0 */
export const sweepQueueName = 'cimkit-sweeps'

/** Redis hash holding a sweep's results, field = point index: written idempotently by workers. @since 0.1.0 */
export function sweepResultsKey(fingerprint: string): string {
  return `cimkit:sweep:${fingerprint}:results`
}

/** BullMQ job id of a point: the same point enqueued twice is one job. @since 0.1.0 */
export function sweepJobId(fingerprint: string, point: number): string {
  return `${fingerprint}-${point}`
}
