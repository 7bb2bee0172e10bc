import { Worker } from 'bullmq'
import type { Job } from 'bullmq'
import { Redis } from 'ioredis'
import type { Logger } from '@cimkit/core'
import { runPointInThread } from '../run-point-in-thread.js'
import type { SweepQueueJob } from './queue-job.js'
import { sweepQueueName, sweepResultsKey } from './redis-names.js'

/** Options of `cimkit worker`. @since 0.1.0 */
export interface QueueWorkerOptions {
  readonly redisUrl: string
  /** Points computed at once by this process. */
  readonly concurrency: number
  /** Seconds without a lock renewal after which another worker takes a job over. */
  readonly stallTimeoutS: number
  readonly logger: Logger
}

/**
 * Executes queued sweep points until stopped (SIGINT/SIGTERM), each on its own thread so the job
 * lock keeps being renewed. Results are written with HSET under the point's index: writing the
 * same point twice (at-least-once delivery) stores the same value.
 * @since 0.1.0
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<void> {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null })
  const worker = new Worker<SweepQueueJob>(
    sweepQueueName,
    async (job: Job<SweepQueueJob>) => {
      const result = await runPointInThread(job.data.task)
      await redis.hset(sweepResultsKey(job.data.fingerprint), String(result.point), JSON.stringify(result))
      options.logger.info(`worker: point ${result.point} of sweep ${job.data.fingerprint.slice(0, 8)} done`)
    },
    {
      connection: { url: options.redisUrl, maxRetriesPerRequest: null },
      concurrency: options.concurrency,
      lockDuration: options.stallTimeoutS * 1000,
      stalledInterval: Math.max(500, (options.stallTimeoutS * 1000) / 2),
      maxStalledCount: 10,
    },
  )
  worker.on('failed', (job, error) => options.logger.warn(`worker: job ${job?.id ?? '?'} failed: ${error.message}`))
  await worker.waitUntilReady()
  options.logger.info(`worker: listening on ${sweepQueueName} at ${options.redisUrl} (concurrency ${options.concurrency})`)
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await worker.close()
  redis.disconnect()
}
