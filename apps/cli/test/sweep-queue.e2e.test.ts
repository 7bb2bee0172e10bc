import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliPath, spawnCli } from './spawn-cli.js'
import { lineCount, writeSweepFixture } from './sweep-fixture.js'

// A real Redis on loopback, started by the test (Debian's redis-server; CI installs it in .ci/run).
// Outside CI a machine without it skips this file; in CI its absence is a failure.
const redisServer = process.env.CIMKIT_REDIS_SERVER ?? '/usr/bin/redis-server'
const haveRedis = existsSync(redisServer)
if (process.env.CI !== undefined && !haveRedis) throw new Error(`CI needs Debian's redis-server at ${redisServer}`)

let directory: string
let redis: ChildProcess | undefined
let redisUrl = ''
const workers: ChildProcess[] = []

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, [cliPath, 'worker', '--queue', redisUrl, '--stall-timeout', '2'], { stdio: ['ignore', 'ignore', 'pipe'] })
  workers.push(worker)
  return worker
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'cimkit-queue-'))
  writeSweepFixture(directory, { 'local.yaml': 'local.jsonl', 'queued.yaml': 'queued.jsonl' })
  if (!haveRedis) return
  const port = await freePort()
  redisUrl = `redis://127.0.0.1:${port}`
  redis = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  await new Promise((resolve) => setTimeout(resolve, 500))
})

afterAll(() => {
  for (const worker of workers) worker.kill('SIGKILL')
  redis?.kill('SIGTERM')
  rmSync(directory, { recursive: true, force: true })
})

describe.skipIf(!haveRedis)('cimkit sweep --queue (BullMQ on a real Redis)', () => {
  it('with one of two workers killed mid-run, every point lands once and none is lost', async () => {
    expect(spawnCli(['sweep', join(directory, 'local.yaml'), '--workers', '2']).status).toBe(0)

    const doomed = startWorker()
    startWorker()
    const queuedPath = join(directory, 'queued.jsonl')
    const enqueuer = spawn(process.execPath, [cliPath, 'sweep', join(directory, 'queued.yaml'), '--queue', redisUrl], { stdio: ['ignore', 'ignore', 'pipe'] })
    let enqueuerLog = ''
    enqueuer.stderr!.on('data', (chunk: Buffer) => (enqueuerLog += chunk.toString()))
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (lineCount(queuedPath) >= 3) {
          clearInterval(poll)
          doomed.kill('SIGKILL')
          resolve()
        }
      }, 10)
      enqueuer.on('exit', () => {
        clearInterval(poll)
        reject(new Error(`the sweep ended before a worker could be killed: ${enqueuerLog}`))
      })
    })
    const code = await new Promise<number | null>((resolve) => enqueuer.on('exit', resolve))
    expect(code, enqueuerLog).toBe(0)
    expect(doomed.killed).toBe(true)
    expect(readFileSync(queuedPath, 'utf8')).toBe(readFileSync(join(directory, 'local.jsonl'), 'utf8'))
    // Each point starts a thread that loads every plugin; on a loaded 2-core machine that is seconds.
  }, 240_000)
})
