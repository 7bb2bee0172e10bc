import { getAtPath } from '@cimkit/core'
import { escapeXml } from '../report/svg-charts.js'
import { paretoFront } from './pareto-front.js'
import type { SweepResultLine } from './sweep-results-file.js'

function metricValue(result: SweepResultLine, path: string): number {
  const value = getAtPath(result.metrics, path.split('.'))
  return typeof value === 'number' ? value : Number.NaN
}

function flatten(value: unknown, prefix: string, into: Record<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix === '' ? key : `${prefix}.${key}`, into)
  } else if (value !== undefined) into[prefix] = Array.isArray(value) ? JSON.stringify(value) : value
}

/** Sweep results as CSV: one row per point, overrides then flattened metrics as columns. @since 0.1.0 */
export function sweepResultsCsv(results: readonly SweepResultLine[]): string {
  const rows = results.map((result) => {
    const row: Record<string, unknown> = { point: result.point }
    for (const [key, value] of Object.entries(result.overrides)) row[`set:${key}`] = value
    flatten(result.metrics ?? {}, '', row)
    if (result.error !== undefined) row.error = result.error
    return row
  })
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  const cell = (value: unknown): string => {
    const text = value === undefined || value === null ? '' : String(value)
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
  }
  return `${[columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))].join('\n')}\n`
}

/**
 * A self-contained HTML page with a scatter of two metrics over the sweep's points, the Pareto
 * front (both maximised) drawn and listed.
 * @since 0.1.0
 */
export function sweepParetoHtml(results: readonly SweepResultLine[], xMetric: string, yMetric: string): string {
  const points = results.map((result) => ({ point: result.point, x: metricValue(result, xMetric), y: metricValue(result, yMetric) })).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
  const front = paretoFront(points)
  const onFront = new Set(front.map((p) => p.point))
  const [width, height, pad] = [640, 420, 56]
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const [xLow, xHigh] = [Math.min(...xs), Math.max(...xs)]
  const [yLow, yHigh] = [Math.min(...ys), Math.max(...ys)]
  const sx = (x: number): number => pad + ((x - xLow) / (xHigh - xLow || 1)) * (width - 2 * pad)
  const sy = (y: number): number => height - pad - ((y - yLow) / (yHigh - yLow || 1)) * (height - 2 * pad)
  const dots = points.map((p) => `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="${onFront.has(p.point) ? 6 : 4}" fill="${onFront.has(p.point) ? '#e15759' : '#4e79a7'}"><title>point ${p.point}: ${p.x}, ${p.y}</title></circle>`)
  const line = front.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')
  const overrides = new Map(results.map((result) => [result.point, result.overrides]))
  const rows = front.map((p) => `<tr><td>${p.point}</td><td>${p.x}</td><td>${p.y}</td><td>${escapeXml(JSON.stringify(overrides.get(p.point)))}</td></tr>`)
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cimkit sweep: Pareto front</title><style>body{font-family:system-ui,sans-serif;margin:2rem}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style></head><body>
<h1>Pareto front: ${escapeXml(xMetric)} vs ${escapeXml(yMetric)}</h1>
<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#999"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="#999"/><polyline points="${line}" fill="none" stroke="#e15759" stroke-width="2"/>${dots.join('')}<text x="${width / 2}" y="${height - 16}" text-anchor="middle" font-size="12">${escapeXml(xMetric)} (${xLow.toPrecision(3)} … ${xHigh.toPrecision(3)})</text><text x="14" y="${height / 2}" font-size="12" transform="rotate(-90 14 ${height / 2})" text-anchor="middle">${escapeXml(yMetric)} (${yLow.toPrecision(3)} … ${yHigh.toPrecision(3)})</text></svg>
<table><tr><th>point</th><th>${escapeXml(xMetric)}</th><th>${escapeXml(yMetric)}</th><th>settings</th></tr>${rows.join('')}</table>
<p>${points.length} of ${results.length} points have both metrics; ${front.length} are Pareto-optimal (both maximised).</p>
</body></html>
`
}
