import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { spawnCli } from './spawn-cli.js'

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))

describe('examples/mvm-error.yaml (TARGETS.md §3, the CrossSim accuracy case)', () => {
  it('1024×1024, 5 % state-proportional programming error, 8-bit DAC and calibrated 8-bit ADC: relative MVM error within 0.5 points of CrossSim\'s 5.6 %', () => {
    const result = spawnCli(['run', join(examples, 'mvm-error.yaml'), '--json'])
    expect(result.status, result.stderr).toBe(0)
    const report = JSON.parse(result.stdout) as { mvm: { relativeError: number; rows: number; columns: number } }
    expect(report.mvm.rows).toBe(1024)
    expect(Math.abs(report.mvm.relativeError - 0.056)).toBeLessThan(0.005)
  })
})
