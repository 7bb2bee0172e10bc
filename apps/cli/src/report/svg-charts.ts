// Small, dependency-free SVG charts for the self-contained HTML report: no network, no script.

/** One bar of a stacked bar chart: a label and its parts. @since 0.1.0 */
export interface StackedBar {
  readonly label: string
  readonly parts: Readonly<Record<string, number>>
}

const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac']

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
}

function formatTick(value: number): string {
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-2 && value !== 0) ? value.toExponential(1) : value.toPrecision(3)
}

/**
 * Horizontal stacked bars (e.g. energy per layer split by component), with a legend.
 * @since 0.1.0
 */
export function stackedBarChartSvg(title: string, unit: string, bars: readonly StackedBar[]): string {
  const keys = [...new Set(bars.flatMap((bar) => Object.keys(bar.parts)))]
  const totals = bars.map((bar) => Object.values(bar.parts).reduce((sum, value) => sum + Math.max(0, value), 0))
  const maximum = Math.max(...totals, Number.MIN_VALUE)
  const labelWidth = 140
  const plotWidth = 480
  const rowHeight = 22
  const legendHeight = 18 * Math.ceil(keys.length / 3)
  const height = 40 + bars.length * rowHeight + 30 + legendHeight
  const rows = bars.map((bar, row) => {
    let x = labelWidth
    const y = 30 + row * rowHeight
    const segments = keys.map((key, keyIndex) => {
      const width = (Math.max(0, bar.parts[key] ?? 0) / maximum) * plotWidth
      const rect = width > 0 ? `<rect x="${x.toFixed(2)}" y="${y}" width="${width.toFixed(2)}" height="${rowHeight - 6}" fill="${palette[keyIndex % palette.length]}"><title>${escapeXml(`${bar.label} · ${key}: ${formatTick(bar.parts[key] ?? 0)} ${unit}`)}</title></rect>` : ''
      x += width
      return rect
    })
    return `<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end" font-size="11">${escapeXml(bar.label)}</text>${segments.join('')}<text x="${(x + 4).toFixed(2)}" y="${y + 12}" font-size="10" fill="#555">${formatTick(totals[row]!)}</text>`
  })
  const axisY = 30 + bars.length * rowHeight + 4
  const legend = keys.map((key, index) => {
    const lx = labelWidth + (index % 3) * 160
    const ly = axisY + 26 + Math.floor(index / 3) * 18
    return `<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${palette[index % palette.length]}"/><text x="${lx + 14}" y="${ly}" font-size="11">${escapeXml(key)}</text>`
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" width="${labelWidth + plotWidth + 80}" height="${height}" viewBox="0 0 ${labelWidth + plotWidth + 80} ${height}"><text x="0" y="16" font-size="13" font-weight="bold">${escapeXml(title)}</text>${rows.join('')}<line x1="${labelWidth}" x2="${labelWidth + plotWidth}" y1="${axisY}" y2="${axisY}" stroke="#999"/><text x="${labelWidth}" y="${axisY + 14}" font-size="10">0</text><text x="${labelWidth + plotWidth}" y="${axisY + 14}" font-size="10" text-anchor="end">${formatTick(maximum)} ${escapeXml(unit)}</text>${legend.join('')}</svg>`
}

/**
 * Histograms over shared bins, one series per label (e.g. programmed conductance per level).
 * @since 0.1.0
 */
export function histogramSvg(title: string, unit: string, binEdges: readonly number[], series: readonly { readonly label: string; readonly counts: readonly number[] }[]): string {
  const width = 620
  const height = 220
  const plotHeight = 160
  const bins = binEdges.length - 1
  const peak = Math.max(...series.flatMap((entry) => entry.counts), 1)
  const binWidth = (width - 40) / Math.max(1, bins)
  const bars = series.flatMap((entry, seriesIndex) =>
    entry.counts.map((count, bin) =>
      count === 0 ? '' : `<rect x="${(40 + bin * binWidth).toFixed(2)}" y="${(20 + plotHeight * (1 - count / peak)).toFixed(2)}" width="${binWidth.toFixed(2)}" height="${((plotHeight * count) / peak).toFixed(2)}" fill="${palette[seriesIndex % palette.length]}" fill-opacity="0.7"><title>${escapeXml(entry.label)}: ${count}</title></rect>`,
    ),
  )
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text x="0" y="14" font-size="13" font-weight="bold">${escapeXml(title)}</text>${bars.join('')}<line x1="40" x2="${width}" y1="${20 + plotHeight}" y2="${20 + plotHeight}" stroke="#999"/><text x="40" y="${plotHeight + 36}" font-size="10">${formatTick(binEdges[0] ?? 0)} ${escapeXml(unit)}</text><text x="${width}" y="${plotHeight + 36}" font-size="10" text-anchor="end">${formatTick(binEdges.at(-1) ?? 0)} ${escapeXml(unit)}</text></svg>`
}

/**
 * Points with a mean line (e.g. accuracy per Monte Carlo trial).
 * @since 0.1.0
 */
export function pointsChartSvg(title: string, unit: string, values: readonly number[], reference?: { readonly label: string; readonly value: number }): string {
  const width = 620
  const height = 200
  const all = [...values, ...(reference === undefined ? [] : [reference.value])]
  const low = Math.min(...all)
  const high = Math.max(...all)
  const span = high > low ? high - low : Math.max(Math.abs(high), 1) * 0.01
  const y = (value: number): number => 20 + 150 * (1 - (value - low + span * 0.05) / (span * 1.1))
  const x = (index: number): number => 50 + ((width - 70) * (index + 0.5)) / Math.max(1, values.length)
  const points = values.map((value, index) => `<circle cx="${x(index).toFixed(2)}" cy="${y(value).toFixed(2)}" r="4" fill="${palette[0]}"><title>trial ${index}: ${formatTick(value)} ${escapeXml(unit)}</title></circle>`)
  const referenceLine =
    reference === undefined ? '' : `<line x1="50" x2="${width - 20}" y1="${y(reference.value).toFixed(2)}" y2="${y(reference.value).toFixed(2)}" stroke="${palette[2]}" stroke-dasharray="4 3"/><text x="${width - 20}" y="${(y(reference.value) - 4).toFixed(2)}" font-size="10" text-anchor="end">${escapeXml(reference.label)} ${formatTick(reference.value)}</text>`
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text x="0" y="14" font-size="13" font-weight="bold">${escapeXml(title)}</text>${referenceLine}${points.join('')}<text x="46" y="${y(high).toFixed(2)}" font-size="10" text-anchor="end">${formatTick(high)}</text><text x="46" y="${y(low).toFixed(2)}" font-size="10" text-anchor="end">${formatTick(low)}</text></svg>`
}

export { escapeXml }
