import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRandomSource } from '@cimkit/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnCli } from './spawn-cli.js'

let directory: string
// Four levels, each a single Gaussian (µS): the fit must recover these means.
const levelMeansS = [20e-6, 60e-6, 100e-6, 140e-6]
const levelStdS = 3e-6

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'cimkit-fit-'))
  const random = createRandomSource(11)
  const rows = ['level,conductance_S,cycle']
  levelMeansS.forEach((mean, level) => {
    for (let cell = 0; cell < 400; cell++) rows.push(`${level},${mean + levelStdS * random.nextNormal()},${cell}`)
  })
  writeFileSync(join(directory, 'measurements.csv'), `${rows.join('\n')}\n`)
  writeFileSync(join(directory, 'bad.csv'), 'level,conductance_S\n0,1e-5\n1,not-a-number\n')
  writeFileSync(join(directory, 'run.yaml'), 'device: { type: measured, file: ./my-device.json }\nrun: { backend: reference }\n')
})

afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('cimkit device fit', () => {
  it('fits measured cells and the result runs as a device from a config', () => {
    const fit = spawnCli(['device', 'fit', join(directory, 'measurements.csv'), '--levels', '4', '--components', '1', '--out', join(directory, 'my-device.json')])
    expect(fit.stderr).toBe('')
    expect(fit.status).toBe(0)
    const description = JSON.parse(readFileSync(join(directory, 'my-device.json'), 'utf8')) as { levels: { meanS: number; stdS: number }[] }
    // σ of each fitted mean is σ/√400 = 0.15 µS; 1 µS is > 6σ.
    description.levels.forEach((level, index) => expect(Math.abs(level.meanS - levelMeansS[index]!)).toBeLessThan(1e-6))
    const run = spawnCli(['run', join(directory, 'run.yaml'), '--json'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout) as { config: { device: { type: string } }; deviceConductance: { series: unknown[] } }
    expect(report.config.device.type).toBe('measured')
    expect(report.deviceConductance.series).toHaveLength(4)
  })

  it('rejects a malformed CSV naming the file and line, and writes nothing', () => {
    const result = spawnCli(['device', 'fit', join(directory, 'bad.csv'), '--levels', '2', '--out', join(directory, 'never.json')])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/bad\.csv: measurements CSV, line 3: /)
    expect(() => readFileSync(join(directory, 'never.json'))).toThrow()
  })
})
