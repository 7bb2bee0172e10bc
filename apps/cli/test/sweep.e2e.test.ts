import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliPath, spawnCli } from './spawn-cli.js'
import { lineCount, sweepYaml, writeSweepFixture } from './sweep-fixture.js'

let directory: string

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'cimkit-sweep-'))
  writeSweepFixture(directory, { 'full.yaml': 'full.jsonl', 'killed.yaml': 'killed.jsonl' })
})

afterAll(() => rmSync(directory, { recursive: true, force: true }))

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
  }, 180_000)

  it('refuses to overwrite a results file without --resume, and a resume of a changed sweep', () => {
    expect(spawnCli(['sweep', join(directory, 'full.yaml')]).stderr).toMatch(/full\.jsonl exists: pass --resume/)
    writeFileSync(join(directory, 'changed.yaml'), sweepYaml('full.jsonl').replace('0.06]', '0.07]'))
    expect(spawnCli(['sweep', join(directory, 'changed.yaml'), '--resume']).stderr).toMatch(/belongs to a different sweep/)
  })
})
