import type { RunReport } from './run-report.js'

/** The report as pretty JSON (NaN and ±Infinity become null, as JSON has no such numbers). @since 0.1.0 */
export function formatReportJson(report: RunReport): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`
}

function engineering(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  if (value === 0) return `0 ${unit}`
  const prefixes: [number, string][] = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, ''], [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n'], [1e-12, 'p'], [1e-15, 'f']]
  const [scale, prefix] = prefixes.find(([scale]) => Math.abs(value) >= scale) ?? prefixes.at(-1)!
  return `${(value / scale).toPrecision(4)} ${prefix}${unit}`
}

/** A short human summary of a report for the terminal. @since 0.1.0 */
export function formatReportSummary(report: RunReport): string {
  const lines: string[] = []
  if (report.accuracy !== null) {
    const { top1, std, trials, baseline } = report.accuracy
    lines.push(`accuracy  top-1 ${(top1 * 100).toFixed(2)} % ± ${(std * 100).toFixed(2)} (${trials} trial${trials === 1 ? '' : 's'}), float baseline ${(baseline * 100).toFixed(2)} %`)
  }
  const mvm = report.mvm as { relativeError?: number } | undefined
  if (mvm?.relativeError !== undefined) lines.push(`mvm       relative error ${(mvm.relativeError * 100).toFixed(2)} %`)
  if (report.ppa !== null) {
    const { ppa } = report
    lines.push(`area      ${ppa.areaMm2.toPrecision(4)} mm²`)
    if (Number.isFinite(ppa.energyPerInferenceJ)) {
      lines.push(`inference ${engineering(ppa.energyPerInferenceJ, 'J')}, latency ${engineering(ppa.latencyS, 's')}, ${engineering(ppa.throughputFps, 'frames/s')}`)
      lines.push(`workload  ${ppa.tops.toPrecision(4)} TOPS, ${ppa.topsPerW.toPrecision(4)} TOPS/W, ${ppa.topsPerMm2.toPrecision(4)} TOPS/mm²`)
    }
    lines.push(`peak      ${ppa.peak.tops.toPrecision(4)} TOPS, ${ppa.peak.topsPerW.toPrecision(4)} TOPS/W, ${ppa.peak.topsPerMm2.toPrecision(4)} TOPS/mm²`)
  }
  if (lines.length === 0) lines.push('nothing to report: the config names no workload and no architecture')
  lines.push(`wall time ${report.timing.wallS.toFixed(2)} s`)
  return `${lines.join('\n')}\n`
}
