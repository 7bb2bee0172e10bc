import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliPath, spawnCli } from './spawn-cli.js'

const template = fileURLToPath(new URL('../../../examples/plugin-template/', import.meta.url))
let directory: string

// A sweep over the template device's programming error and level count: 24 points, each a full
// run (compose, validate, program the device's conductance histogram).
const sweepYaml = (results: string): string => `base: ./base.yaml
mode: grid
parameters:
  - { key: device.programmingErrorStd, values: [0.01, 0.02, 0.03, 0.04, 0.05, 0.06] }
  - { key: device.levels, values: [2, 4, 8, 16] }
results: ${results}
`

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'cimkit-sweep-'))
  cpSync(join(template, 'dist'), join(directory, 'plugin', 'dist'), { recursive: true })
  cpSync(join(template, 'package.json'), join(directory, 'plugin', 'package.json'))
  // The copied plugin resolves @cimkit/core from the template's own node_modules.
  cpSync(join(template, 'node_modules'), join(directory, 'plugin', 'node_modules'), { recursive: true, dereference: false, verbatimSymlinks: true })
  writeFileSync(join(directory, 'base.yaml'), 'plugins: [./plugin/dist/index.js]\ndevice: { type: linear-device }\nrun: { seed: 5, backend: reference }\n')
  writeFileSync(join(directory, 'full.yaml'), sweepYaml('full.jsonl'))
  writeFileSync(join(directory, 'killed.yaml'), sweepYaml('killed.jsonl'))
})

afterAll(() => rmSync(directory, { recursive: true, force: true }))

function lineCount(path: string): number {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).length : 0
}

describe('cimkit sweep', () => {
  it('a sweep killed with SIGKILL and resumed writes exactly the file of an uninterrupted run', async () => {
    const full = spawnCli(['sweep', join(directory, 'full.yaml'), '--workers', '2'])
    expect(full.stderr).toMatch(/24 points, 24 run now/)
    expect(full.status).toBe(0)
    expect(lineCount(join(directory, 'full.jsonl'))).toBe(25) // header + 24 points

    const killedPath = join(directory, 'killed.jsonl')
    const child = spawn(process.execPath, [cliPath, 'sweep', join(directory, 'killed.yaml'), '--workers', '2'], { stdio: 'ignore' })
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (lineCount(killedPath) >= 4) {
          clearInterval(poll)
          child.kill('SIGKILL')
          resolve()
        }
      }, 5)
      child.on('exit', () => {
        clearInterval(poll)
        reject(new Error('the sweep finished before it could be killed'))
      })
    })
    await new Promise((resolve) => child.on('exit', resolve))
    const partial = lineCount(killedPath)
    expect(partial).toBeLessThan(25)

    const resumed = spawnCli(['sweep', join(directory, 'killed.yaml'), '--resume', '--workers', '2', '--csv', join(directory, 'killed.csv')])
    expect(resumed.status).toBe(0)
    expect(resumed.stderr).toMatch(new RegExp(`24 points, ${25 - partial} run now, ${partial - 1} already done`))
    expect(readFileSync(killedPath, 'utf8')).toBe(readFileSync(join(directory, 'full.jsonl'), 'utf8'))
    expect(readFileSync(join(directory, 'killed.csv'), 'utf8').split('\n')[0]).toMatch(/^point,set:device\.programmingErrorStd,set:device\.levels,/)

    const again = spawnCli(['sweep', join(directory, 'killed.yaml'), '--resume'])
    expect(again.stderr).toMatch(/24 points, 0 run now, 24 already done/)
  })

  it('refuses to overwrite a results file without --resume, and a resume of a changed sweep', () => {
    expect(spawnCli(['sweep', join(directory, 'full.yaml')]).stderr).toMatch(/full\.jsonl exists: pass --resume/)
    writeFileSync(join(directory, 'changed.yaml'), sweepYaml('full.jsonl').replace('0.06]', '0.07]'))
    expect(spawnCli(['sweep', join(directory, 'changed.yaml'), '--resume']).stderr).toMatch(/belongs to a different sweep/)
  })
})
