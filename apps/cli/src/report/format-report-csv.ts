import type { RunReport } from './run-report.js'

function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * `report.csv`: one row per layer × component of the PPA breakdown, units in the header.
 * Empty (header only) when the run had no architecture.
 * @since 0.1.0
 */
export function formatReportCsv(report: RunReport): string {
  const header = ['layer', 'component', 'energy_J', 'area_mm2', 'latency_s']
  const rows = (report.ppa?.breakdown ?? []).map((entry) => [entry.layer, entry.component, entry.energyJ, entry.areaMm2, entry.latencyS].map(csvCell).join(','))
  return `${[header.join(','), ...rows].join('\n')}\n`
}
