import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnCli } from './spawn-cli.js'

// Debian's chromium (CI installs it in .ci/run). Outside CI a machine without it skips this file,
// because no browser can be downloaded here; in CI its absence is a failure.
const chromiumPath = process.env.CIMKIT_CHROMIUM ?? '/usr/bin/chromium'
const haveChromium = existsSync(chromiumPath)
if (process.env.CI !== undefined && !haveChromium) throw new Error(`CI needs Debian's chromium at ${chromiumPath}`)

const template = fileURLToPath(new URL('../../../examples/', import.meta.url))
const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url))
let directory: string

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'cimkit-html-'))
  mkdirSync(artifacts, { recursive: true })
  writeFileSync(join(directory, 'run.yaml'), `plugins: [${join(template, 'plugin-template', 'dist', 'index.js')}]\ndevice: { type: linear-device, levels: 4, programmingErrorStd: 0.04 }\nrun: { seed: 2, backend: reference }\n`)
})

afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe.skipIf(!haveChromium)('report.html in headless Chromium', () => {
  it('loads with no console errors and renders its plots', async () => {
    const out = join(directory, 'out')
    expect(spawnCli(['run', join(directory, 'run.yaml'), '--out', out]).status).toBe(0)
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    try {
      const page = await browser.newPage()
      const problems: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text())
      })
      page.on('pageerror', (error) => problems.push(error.message))
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`))
      await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' })
      const charts = await page.locator('svg.chart').all()
      expect(charts.length).toBeGreaterThanOrEqual(1)
      for (const chart of charts) {
        const box = await chart.boundingBox()
        expect(box!.width).toBeGreaterThan(100)
        expect(box!.height).toBeGreaterThan(100)
      }
      // The conductance histogram has one filled bar per occupied bin: four levels, so several.
      expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(8)
      await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true })
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
