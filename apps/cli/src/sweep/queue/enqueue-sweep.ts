import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import type { Logger } from '@cimkit/core'
import type { SweepPoint } from '../expand-sweep-points.js'
import { sweepFingerprint } from '../run-sweep.js'
import type { SweepRunOptions } from '../run-sweep.js'
import { SweepResultsFile } from '../sweep-results-file.js'
import type { SweepResultLine } from '../sweep-results-file.js'
import type { SweepQueueJob } from './queue-job.js'
import { sweepJobId, sweepQueueName, sweepResultsKey } from './redis-names.js'

/** Options of a distributed sweep: those of a local one plus the Redis URL. @since 0.1.0 */
export interface QueuedSweepOptions extends Omit<SweepRunOptions, 'workers'> {
  readonly redisUrl: string
  /** How often to look for new results, milliseconds. */
  readonly pollIntervalMs?: number
}

/**
 * Distributes a sweep through a Redis-backed BullMQ queue: enqueues every point not yet in the
 * results file (job id = sweep fingerprint + point, so a repeated enqueue is one job), then commits
 * results from Redis to the JSONL file in point order as workers deliver them. Delivery is
 * at-least-once (a killed worker's job is retried after its lock expires); results are idempotent
 * (a point's result is a pure function of the point), so a redelivered point changes nothing.
 * Returns the number of points run now.
 * @since 0.1.0
 */
export async function enqueueSweep(options: QueuedSweepOptions): Promise<number> {
  const fingerprint = sweepFingerprint(options.spec, options.baseConfig, options.points)
  const header = { sweep: { fingerprint, points: options.points.length } }
  const file = options.resume ? SweepResultsFile.resume(options.resultsPath, header) : SweepResultsFile.create(options.resultsPath, header)
  const todo: SweepPoint[] = options.points.slice(file.donePoints)
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null })
  const queue = new Queue<SweepQueueJob>(sweepQueueName, { connection: { url: options.redisUrl, maxRetriesPerRequest: null } })
  try {
    await queue.addBulk(
      todo.map((point) => ({
        name: 'point',
        data: { fingerprint, task: { point: point.index, overrides: point.overrides, baseConfig: options.baseConfig, baseConfigPath: options.baseConfigPath, trials: options.spec.trials } },
        opts: { jobId: sweepJobId(fingerprint, point.index), removeOnComplete: true, removeOnFail: 1000, attempts: 5 },
      })),
    )
    await collectResults(redis, fingerprint, file, options.points.length, options.logger, options.pollIntervalMs ?? 200)
    await redis.del(sweepResultsKey(fingerprint))
    return todo.length
  } finally {
    file.close()
    await queue.close()
    redis.disconnect()
  }
}

async function collectResults(redis: Redis, fingerprint: string, file: SweepResultsFile, total: number, logger: Logger, pollIntervalMs: number): Promise<void> {
  const key = sweepResultsKey(fingerprint)
  const startDone = file.donePoints
  while (file.donePoints < total) {
    const fields = await redis.hkeys(key)
    const ready = fields.map(Number).filter((point) => point >= file.donePoints).sort((a, b) => a - b)
    for (const point of ready) {
      if (point !== file.donePoints) break
      const text = await redis.hget(key, String(point))
      if (text === null) break
      const result = JSON.parse(text) as SweepResultLine
      file.commit(result)
      if (result.error !== undefined) logger.warn(`point ${result.point}: ${result.error}`)
    }
    logger.progress(`distributed sweep (${total} points)`, (file.donePoints - startDone) / Math.max(1, total - startDone))
    if (file.donePoints < total) await new Promise((resolve) => setTimeout(resolve, pollIntervalMs))
  }
}
