import 'reflect-metadata'
import { parentPort } from 'node:worker_threads'
import { silentLogger } from '@cimkit/core'
import { composeRunFromData } from '../run/compose-run.js'
import { runSimulation } from '../run/run-simulation.js'
import { applyOverrides } from './expand-sweep-points.js'
import { pointMetrics } from './point-metrics.js'
import type { SweepResultLine } from './sweep-results-file.js'

/** A point handed to a worker. @since 0.1.0 */
export interface SweepTask {
  readonly point: number
  readonly overrides: Readonly<Record<string, number | string | boolean>>
  readonly baseConfig: unknown
  readonly baseConfigPath: string
  readonly trials: number | undefined
}

/** Runs one design point in-process; errors become the point's recorded result. @since 0.1.0 */
export async function runSweepPoint(task: SweepTask): Promise<SweepResultLine> {
  const withTrials = task.trials === undefined ? task.overrides : { ...task.overrides, 'run.trials': task.trials }
  try {
    const composed = await composeRunFromData(applyOverrides(task.baseConfig, withTrials), task.baseConfigPath)
    try {
      return { point: task.point, overrides: task.overrides, metrics: pointMetrics(await runSimulation(composed, silentLogger)) }
    } finally {
      await composed.run.dispose()
    }
  } catch (error) {
    return { point: task.point, overrides: task.overrides, error: error instanceof Error ? error.message : String(error) }
  }
}

parentPort?.on('message', (task: SweepTask) => {
  void runSweepPoint(task).then((result) => parentPort!.postMessage(result))
})
