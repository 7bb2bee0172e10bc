import { writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ConfigValidationError } from '@cimkit/core'
import { readConfigFile } from '../config/read-config-file.js'
import { createStderrLogger } from '../output/stderr-logger.js'
import { expandSweepPoints } from '../sweep/expand-sweep-points.js'
import { runSweep } from '../sweep/run-sweep.js'
import { sweepParetoHtml, sweepResultsCsv } from '../sweep/sweep-exports.js'
import { readSweepResults } from '../sweep/sweep-results-file.js'
import { sweepSpecSchema } from '../sweep/sweep-spec.js'

/** Flags of `cimkit sweep`. @since 0.1.0 */
export interface SweepFlags {
  readonly resume?: boolean
  readonly workers?: number
  readonly csv?: string
  readonly pareto?: string
  readonly report?: string
  /** Redis URL: distribute the points to `cimkit worker` processes instead of local threads. */
  readonly queue?: string
}

/**
 * `cimkit sweep <sweep.yaml>`: runs every design point on local worker threads, appending results
 * to the JSONL file in point order (or, with `--queue redis://…`, through a BullMQ queue served by
 * `cimkit worker` processes); `--resume` continues an interrupted sweep without recomputing
 * what is done; `--csv` exports the results; `--pareto x,y --report FILE` writes the Pareto plot.
 * @since 0.1.0
 */
export async function sweepCommand(sweepPath: string, flags: SweepFlags): Promise<void> {
  const absolute = resolve(sweepPath)
  const parsed = sweepSpecSchema.safeParse(readConfigFile(absolute))
  if (!parsed.success) throw new ConfigValidationError(parsed.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: issue.message })), { source: absolute })
  const spec = parsed.data
  const baseConfigPath = resolve(dirname(absolute), spec.base)
  const resultsPath = resolve(dirname(absolute), spec.results)
  const points = expandSweepPoints(spec)
  const logger = createStderrLogger()
  const common = { spec, points, baseConfig: readConfigFile(baseConfigPath), baseConfigPath, resultsPath, resume: flags.resume === true, logger }
  const ran =
    flags.queue === undefined
      ? await runSweep({ ...common, ...(flags.workers === undefined ? {} : { workers: flags.workers }) })
      : await (await import('../sweep/queue/enqueue-sweep.js')).enqueueSweep({ ...common, redisUrl: flags.queue })
  const results = readSweepResults(resultsPath)
  const failed = results.filter((result) => result.error !== undefined).length
  process.stderr.write(`sweep: ${points.length} points, ${ran} run now, ${points.length - ran} already done; ${failed} failed; results in ${resultsPath}\n`)
  if (flags.csv !== undefined) writeFileSync(flags.csv, sweepResultsCsv(results))
  if (flags.pareto !== undefined) {
    const [x, y] = flags.pareto.split(',')
    if (x === undefined || y === undefined) throw new ConfigValidationError([{ path: ['--pareto'], message: 'expected two metric paths, e.g. accuracy.top1,ppa.topsPerW' }])
    writeFileSync(flags.report ?? resultsPath.replace(/\.jsonl$/, '') + '-pareto.html', sweepParetoHtml(results, x, y))
  }
}
