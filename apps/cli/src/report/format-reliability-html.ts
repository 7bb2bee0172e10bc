import type { RunReport } from './run-report.js'
import { escapeXml } from './svg-charts.js'

function formatFigure(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4)
}

/**
 * The reliability section of `report.html`: one table per technique in declared order, listing its
 * `statistics()` as the run report holds them (names carry their units). Empty without techniques.
 * @since 0.2.0
 */
export function formatReliabilityHtml(report: RunReport): string {
  const techniques = report.reliability ?? []
  if (techniques.length === 0) return ''
  const tables = techniques.map(({ order, type, statistics }) => {
    const entries = Object.entries(statistics)
    const rows = entries.length === 0 ? '<tr><td colspan="2">no statistics</td></tr>' : entries.map(([name, value]) => `<tr><th>${escapeXml(name)}</th><td>${escapeXml(formatFigure(value))}</td></tr>`).join('')
    return `<h3>${order + 1}. ${escapeXml(type)}</h3><table>${rows}</table>`
  })
  return `<section><h2>Reliability techniques (declared order, figures since the run started)</h2>${tables.join('')}</section>`
}
