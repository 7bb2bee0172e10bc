import { describe, expect, it } from 'vitest'
import { spawnCli } from './spawn-cli.js'

describe('cimkit bench', () => {
  it('--json gives the issue-4 shape per case, with CrossSim\'s figure and the goal beside it', () => {
    const result = spawnCli(['bench', '--json', '--cases', 'prog-dac8-adc8@128', '--seconds', '0.05', '--backend', 'reference'])
    expect(result.status, result.stderr).toBe(0)
    const report = JSON.parse(result.stdout) as { cases: Record<string, unknown>[]; gemm: Record<string, unknown>[] }
    expect(report.cases).toHaveLength(1)
    expect(report.cases[0]).toMatchObject({ id: 'prog-dac8-adc8', n: 128, batch: 64, backend: 'reference' })
    for (const key of ['mvmPerS', 'gmacPerS', 'peakMemoryBytes', 'relativeError']) expect(report.cases[0]![key]).toBeGreaterThan(0)
    expect(report.gemm[0]).toMatchObject({ n: 128, batch: 64 })
  })

  it('names an unknown case', () => {
    const result = spawnCli(['bench', '--cases', 'fastest-ever@64'])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/unknown case "fastest-ever" \(cases: prog-dac8-adc8, /)
  })
})
