import { describe, expect, it } from 'vitest'
import { formatReportJson } from './format-report.js'
import { formatReportCsv } from './format-report-csv.js'
import { formatReportHtml } from './format-report-html.js'
import type { RunReport } from './run-report.js'

const report: RunReport = {
  config: { device: { type: 'rram' } },
  seed: 1,
  accuracy: { top1: 0.97, std: 0.004, trials: 3, baseline: 0.99, perTrial: [0.965, 0.97, 0.975] },
  ppa: {
    areaMm2: 2,
    energyPerInferenceJ: 3e-6,
    latencyS: 1e-4,
    throughputFps: 1e4,
    tops: 1,
    topsPerW: 2,
    topsPerMm2: 0.5,
    peak: { tops: 4, topsPerW: 3, topsPerMm2: 2 },
    breakdown: [
      { layer: 'conv1', component: 'adc', energyJ: 1e-6, areaMm2: 0.5, latencyS: 5e-5 },
      { layer: 'conv1', component: 'array, "fast"', energyJ: 2e-6, areaMm2: 1.5, latencyS: 5e-5 },
    ],
  },
  timing: { wallS: 1.5 },
  deviceConductance: { binEdgesS: [0, 1e-5, 2e-5], series: [{ targetS: 5e-6, counts: [3, 1] }], cellsPerLevel: 4 },
}

describe('report formats', () => {
  it('CSV: one row per layer × component, units in the header, quoting per RFC 4180', () => {
    expect(formatReportCsv(report)).toBe('layer,component,energy_J,area_mm2,latency_s\nconv1,adc,0.000001,0.5,0.00005\nconv1,"array, ""fast""",0.000002,1.5,0.00005\n')
  })

  it('JSON: non-finite numbers become null', () => {
    const json = JSON.parse(formatReportJson({ ...report, ppa: { ...report.ppa!, energyPerInferenceJ: Number.NaN } })) as { ppa: { energyPerInferenceJ: unknown } }
    expect(json.ppa.energyPerInferenceJ).toBeNull()
  })

  it('HTML: self-contained (no script, no external reference) with one chart per plot', () => {
    const html = formatReportHtml(report)
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/)
    // energy by layer, area by component, latency by layer, accuracy per trial, conductance histogram
    expect(html.match(/<svg /g)).toHaveLength(5)
    expect(html).toContain('array, &quot;fast&quot;')
    expect(html).not.toContain('Reliability techniques')
  })

  it('HTML: each reliability technique in declared order with its statistics', () => {
    const html = formatReportHtml({
      ...report,
      reliability: [
        { order: 0, type: 'write-verify', statistics: { pulses: 4096, pulsesPerCell: 1.03125, level1OutOfToleranceFraction: 0.0132 } },
        { order: 1, type: 'refresh', statistics: {} },
      ],
    })
    expect(html).toContain('<h3>1. write-verify</h3><table><tr><th>pulses</th><td>4096</td></tr><tr><th>pulsesPerCell</th><td>1.031</td></tr><tr><th>level1OutOfToleranceFraction</th><td>0.01320</td></tr></table>')
    expect(html.indexOf('2. refresh')).toBeGreaterThan(html.indexOf('1. write-verify'))
    expect(html).toContain('no statistics')
  })
})
