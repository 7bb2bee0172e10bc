import type { Logger } from '@cimkit/core'

/**
 * Progress and messages on stderr, so stdout carries only the report. Progress lines are
 * throttled to one per second per task, with an ETA from the elapsed time and fraction done.
 * @since 0.1.0
 */
export function createStderrLogger(options: { quiet?: boolean } = {}): Logger {
  const started = new Map<string, number>()
  const lastPrinted = new Map<string, number>()
  const write = (line: string): void => {
    if (!options.quiet) process.stderr.write(`${line}\n`)
  }
  return {
    info: (message) => write(message),
    warn: (message) => write(`warning: ${message}`),
    progress(task, fraction) {
      const now = performance.now()
      if (!started.has(task)) started.set(task, now)
      const last = lastPrinted.get(task) ?? -Infinity
      if (fraction < 1 && now - last < 1000) return
      lastPrinted.set(task, now)
      const elapsedS = (now - started.get(task)!) / 1000
      const etaS = fraction > 0 ? (elapsedS * (1 - fraction)) / fraction : Number.NaN
      const eta = fraction >= 1 ? `done in ${elapsedS.toFixed(1)} s` : Number.isFinite(etaS) ? `ETA ${etaS.toFixed(0)} s` : ''
      write(`${task}: ${(fraction * 100).toFixed(0)}% ${eta}`.trimEnd())
    },
  }
}
