import type { DeviceDistribution } from './device-distribution.js'
import { formatReliabilityHtml } from './format-reliability-html.js'
import type { RunReport } from './run-report.js'
import { escapeXml, histogramSvg, pointsChartSvg, stackedBarChartSvg } from './svg-charts.js'
import type { StackedBar } from './svg-charts.js'

function groupBreakdown(report: RunReport, by: 'layer' | 'component', value: 'energyJ' | 'areaMm2' | 'latencyS'): StackedBar[] {
  const groups = new Map<string, Record<string, number>>()
  for (const entry of report.ppa?.breakdown ?? []) {
    const key = by === 'layer' ? entry.layer : entry.component
    const part = by === 'layer' ? entry.component : entry.layer
    const parts = groups.get(key) ?? {}
    parts[part] = (parts[part] ?? 0) + entry[value]
    groups.set(key, parts)
  }
  return [...groups.entries()].map(([label, parts]) => ({ label, parts }))
}

function summaryRows(report: RunReport): string {
  const rows: [string, string][] = [['seed', String(report.seed)], ['wall time', `${report.timing.wallS.toFixed(2)} s`]]
  if (report.accuracy !== null) {
    rows.push(['top-1 accuracy', `${(report.accuracy.top1 * 100).toFixed(2)} % ± ${(report.accuracy.std * 100).toFixed(2)} (${report.accuracy.trials} trials)`])
    rows.push(['float baseline', `${(report.accuracy.baseline * 100).toFixed(2)} %`])
  }
  if (report.ppa !== null) {
    const { ppa } = report
    rows.push(['area', `${ppa.areaMm2.toPrecision(4)} mm²`])
    if (Number.isFinite(ppa.energyPerInferenceJ)) {
      rows.push(['energy per inference', `${ppa.energyPerInferenceJ.toExponential(3)} J`], ['latency', `${ppa.latencyS.toExponential(3)} s`], ['throughput', `${ppa.throughputFps.toPrecision(4)} frames/s`])
      rows.push(['workload', `${ppa.tops.toPrecision(4)} TOPS, ${ppa.topsPerW.toPrecision(4)} TOPS/W, ${ppa.topsPerMm2.toPrecision(4)} TOPS/mm²`])
    }
    rows.push(['peak', `${ppa.peak.tops.toPrecision(4)} TOPS, ${ppa.peak.topsPerW.toPrecision(4)} TOPS/W, ${ppa.peak.topsPerMm2.toPrecision(4)} TOPS/mm²`])
  }
  return rows.map(([name, value]) => `<tr><th>${escapeXml(name)}</th><td>${escapeXml(value)}</td></tr>`).join('')
}

/**
 * `report.html`: one self-contained page (inline SVG and CSS, no script, no network) with the
 * summary, energy/area/latency breakdowns, accuracy over trials and device conductance histograms.
 * @since 0.1.0
 */
export function formatReportHtml(report: RunReport): string {
  const distribution = (report.deviceConductance as DeviceDistribution | undefined) ?? null
  const sections: string[] = []
  if (report.ppa !== null && report.ppa.breakdown.length > 0) {
    sections.push(stackedBarChartSvg('Energy per inference by layer and component', 'J', groupBreakdown(report, 'layer', 'energyJ')))
    sections.push(stackedBarChartSvg('Area by component', 'mm²', groupBreakdown(report, 'component', 'areaMm2')))
    sections.push(stackedBarChartSvg('Latency per layer (pipeline stage time)', 's', groupBreakdown(report, 'layer', 'latencyS')))
  }
  if (report.accuracy !== null) {
    sections.push(pointsChartSvg('Top-1 accuracy per Monte Carlo trial', '', [...report.accuracy.perTrial], { label: 'float baseline', value: report.accuracy.baseline }))
  }
  if (distribution !== null) {
    sections.push(
      histogramSvg(
        `Programmed conductance per level (${distribution.cellsPerLevel} cells each)`,
        'S',
        distribution.binEdgesS,
        distribution.series.map((entry) => ({ label: `target ${entry.targetS.toExponential(2)} S`, counts: entry.counts })),
      ),
    )
  }
  const title = 'cimkit run report'
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#222}table{border-collapse:collapse;margin-bottom:1.5rem}th,td{text-align:left;padding:.2rem .8rem;border-bottom:1px solid #ddd}section{margin:1.5rem 0}pre{background:#f6f6f6;padding:1rem;overflow:auto;font-size:.8rem}</style>
</head><body>
<h1>${title}</h1>
<table>${summaryRows(report)}</table>
${sections.map((svg) => `<section>${svg}</section>`).join('\n')}
${formatReliabilityHtml(report)}
<details><summary>Resolved configuration</summary><pre>${escapeXml(JSON.stringify(report.config, null, 2))}</pre></details>
</body></html>
`
}
