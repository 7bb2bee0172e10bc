import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnCli } from './spawn-cli.js'

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))
let directory: string

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'cimkit-quickstart-'))
})

afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('examples/quickstart.yaml', () => {
  it('reports accuracy on ISAAC hardware beside the float baseline, and PPA, per the report contract (20-image variant)', () => {
    const text = readFileSync(join(examples, 'quickstart.yaml'), 'utf8')
    // The example itself runs the whole MNIST test set (a benchmark-sized job, not a test).
    expect(text).toContain('samples: 10000')
    const config = join(directory, 'quickstart-20.yaml')
    writeFileSync(config, text.replace('samples: 10000', 'samples: 20'))
    const result = spawnCli(['run', config, '--json'])
    expect(result.status, result.stderr).toBe(0)
    const report = JSON.parse(result.stdout) as {
      config: { architecture: { type: string; preset: string }; device: { type: string; preset: string } }
      seed: number
      accuracy: { top1: number; std: number; trials: number; baseline: number }
      ppa: { areaMm2: number; energyPerInferenceJ: number; latencyS: number; throughputFps: number; tops: number; topsPerW: number; topsPerMm2: number; peak: object; breakdown: { layer: string; component: string }[] }
      timing: { wallS: number }
      accuracyMode: string
    }
    expect(report.config.architecture).toMatchObject({ type: 'isaac', preset: 'isaac-ce' })
    expect(report.config.device).toMatchObject({ type: 'rram', preset: 'isaac-2bit' })
    expect(report.accuracyMode).toBe('hardware')
    expect(report.accuracy.trials).toBe(1)
    // 8-bit weights and inputs, 2 % programming error: the chip loses at most 2 of 20 images.
    expect(report.accuracy.top1).toBeGreaterThanOrEqual(report.accuracy.baseline - 0.1)
    for (const key of ['areaMm2', 'energyPerInferenceJ', 'latencyS', 'throughputFps', 'tops', 'topsPerW', 'topsPerMm2'] as const) expect(report.ppa[key]).toBeGreaterThan(0)
    const layers = new Set(report.ppa.breakdown.map((entry) => entry.layer))
    expect(layers.size).toBeGreaterThanOrEqual(4)
    // The architecture costs the input precision the driver simulates.
    expect(result.stderr).not.toContain('warning: architecture.inputBits')
  }, 300_000)

  it('warns when the architecture costs another input precision than the driver simulates (16-bit ISAAC-CE, 8-bit bit-serial driver)', () => {
    const text = readFileSync(join(examples, 'quickstart.yaml'), 'utf8')
    const config = join(directory, 'quickstart-mismatch.yaml')
    expect(text).toContain('weightBits: 8, inputBits: 8 }')
    writeFileSync(config, text.replace('weightBits: 8, inputBits: 8 }', 'weightBits: 8 }').replace('samples: 10000', 'samples: 5'))
    const result = spawnCli(['run', config, '--json'])
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr).toContain('warning: architecture.inputBits is 16 but peripherals.dac drives 8-bit inputs')
  }, 300_000)
})
