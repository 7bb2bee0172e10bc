import { CimkitError } from '@cimkit/core'
import { createStderrLogger } from '../output/stderr-logger.js'
import { parseWorkers } from '../parse-flags.js'
import { runQueueWorker } from '../sweep/queue/run-queue-worker.js'

/**
 * `cimkit worker --queue redis://HOST`: serves distributed sweeps until SIGINT/SIGTERM.
 * @since 0.1.0
 */
export async function workerCommand(flags: { queue?: string; concurrency?: string; stallTimeout?: string }): Promise<void> {
  if (flags.queue === undefined) throw new CimkitError('worker: --queue <redis-url> is required')
  const stallTimeoutS = flags.stallTimeout === undefined ? 30 : Number(flags.stallTimeout)
  if (!(stallTimeoutS > 0)) throw new CimkitError(`--stall-timeout: expected a positive number of seconds, got "${String(flags.stallTimeout)}"`)
  await runQueueWorker({ redisUrl: String(flags.queue), concurrency: parseWorkers(flags.concurrency).workers ?? 1, stallTimeoutS, logger: createStderrLogger() })
}
