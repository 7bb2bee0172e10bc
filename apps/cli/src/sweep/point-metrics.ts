import type { RunReport } from '../report/run-report.js'

/**
 * The deterministic part of a run report, as a sweep records it: everything but wall time, the
 * resolved config (the point's overrides stand for it) and bulky plot and diagnostic data.
 * @since 0.1.0
 */
export function pointMetrics(report: RunReport): Record<string, unknown> {
  const { config: _config, timing: _timing, deviceConductance: _distribution, layerSignals: _signals, ppa, ...rest } = report
  return { ...rest, ppa: ppa === null ? null : { ...ppa, breakdown: undefined } }
}
