import { Worker } from 'node:worker_threads'
import type { SweepResultLine } from './sweep-results-file.js'
import type { SweepTask } from './sweep-worker.js'

/**
 * Runs one sweep point on a fresh worker thread, keeping the caller's event loop free (a queue
 * worker must keep renewing its job lock while a long point computes).
 * @since 0.1.0
 */
export async function runPointInThread(task: SweepTask): Promise<SweepResultLine> {
  const worker = new Worker(new URL('./sweep-worker.js', import.meta.url))
  try {
    return await new Promise<SweepResultLine>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`sweep worker thread exited with code ${code}`)))
      worker.postMessage(task)
    })
  } finally {
    await worker.terminate()
  }
}
