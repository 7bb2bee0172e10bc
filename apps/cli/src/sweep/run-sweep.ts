import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Logger } from '@cimkit/core'
import type { SweepPoint } from './expand-sweep-points.js'
import { SweepResultsFile } from './sweep-results-file.js'
import type { SweepResultLine } from './sweep-results-file.js'
import type { SweepSpec } from './sweep-spec.js'
import type { SweepTask } from './sweep-worker.js'

/** What a sweep needs beyond its spec. @since 0.1.0 */
export interface SweepRunOptions {
  readonly spec: SweepSpec
  readonly points: readonly SweepPoint[]
  readonly baseConfig: unknown
  readonly baseConfigPath: string
  readonly resultsPath: string
  readonly resume: boolean
  readonly workers?: number
  readonly logger: Logger
}

/**
 * Identifies a sweep by what determines its results (spec, base config, points), never by how it
 * is run (workers, results path), so a resume with other settings is accepted and a changed sweep
 * is refused.
 * @since 0.1.0
 */
export function sweepFingerprint(spec: SweepSpec, baseConfig: unknown, points: readonly SweepPoint[]): string {
  const { workers: _workers, results: _results, ...determining } = spec
  return createHash('sha256').update(JSON.stringify({ determining, baseConfig, points })).digest('hex').slice(0, 32)
}

/**
 * Runs the points not yet in the results file on a pool of worker threads (one per core by
 * default), committing results in point order as they finish. Returns the number of points run now.
 * @since 0.1.0
 */
export async function runSweep(options: SweepRunOptions): Promise<number> {
  const header = { sweep: { fingerprint: sweepFingerprint(options.spec, options.baseConfig, options.points), points: options.points.length } }
  const file = options.resume ? SweepResultsFile.resume(options.resultsPath, header) : SweepResultsFile.create(options.resultsPath, header)
  const todo = options.points.slice(file.donePoints)
  if (todo.length === 0) {
    file.close()
    return 0
  }
  const workerCount = Math.max(1, Math.min(options.workers ?? options.spec.workers ?? availableParallelism(), todo.length))
  const task = (point: SweepPoint): SweepTask => ({ point: point.index, overrides: point.overrides, baseConfig: options.baseConfig, baseConfigPath: options.baseConfigPath, trials: options.spec.trials })
  let nextTodo = 0
  let finished = 0
  const started = performance.now()
  const workers: Worker[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker): void => {
        if (nextTodo < todo.length) worker.postMessage(task(todo[nextTodo++]!))
      }
      for (let index = 0; index < workerCount; index++) {
        const worker = new Worker(new URL('./sweep-worker.js', import.meta.url))
        workers.push(worker)
        worker.on('error', reject)
        worker.on('message', (result: SweepResultLine) => {
          file.commit(result)
          finished++
          options.logger.progress(`sweep (${todo.length} points, ${workerCount} workers, ${((performance.now() - started) / 1000).toFixed(0)} s)`, finished / todo.length)
          if (result.error !== undefined) options.logger.warn(`point ${result.point}: ${result.error}`)
          if (finished === todo.length) resolve()
          else feed(worker)
        })
        feed(worker)
      }
    })
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
    file.close()
  }
  return todo.length
}
