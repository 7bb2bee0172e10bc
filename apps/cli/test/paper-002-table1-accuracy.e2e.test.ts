import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeExampleVariant } from './example-variant.js'
import { spawnCli } from './spawn-cli.js'

// Paper 002 (Yin et al., IEEE Micro 2019) Table 1, accuracy against array size, in shape on MNIST:
// the W2/A4 network on 2-bit cells with a 5-bit flash ADC whose range is fixed by the array.
const model = fileURLToPath(new URL('../../../packages/nn/models/mlp-w2a4-mnist', import.meta.url))
const samples = 500
let directory: string

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'cimkit-table1-accuracy-'))
})
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function accuracyAt(rows: number): { top1: number; baseline: number } {
  const config = writeExampleVariant(directory, 'input-splitting-2bit-accuracy.yaml', `accuracy-${rows}.yaml`, [
    ['rows: 128, columns: 128', `rows: ${rows}, columns: ${rows}`],
    ['samples: 2000', `samples: ${samples}`],
    // The variant lives in a temporary folder: the model path becomes absolute.
    ['model: ../packages/nn/models/mlp-w2a4-mnist', `model: ${JSON.stringify(model)}`],
  ])
  const result = spawnCli(['run', config, '--json'])
  expect(result.status, result.stderr).toBe(0)
  return (JSON.parse(result.stdout) as { accuracy: { top1: number; baseline: number } }).accuracy
}

describe('paper 002 Table 1: accuracy falls with array size under a fixed 5-bit ADC (91.4 / 89.3 / 81.2 % on CIFAR-10 for 64 / 128 / 256)', () => {
  it(`orders 64 > 128 > 256 rows on ${samples} MNIST images, each step by more than 3 points, all below the float baseline`, () => {
    const [small, medium, large] = [64, 128, 256].map(accuracyAt) as [{ top1: number; baseline: number }, { top1: number; baseline: number }, { top1: number; baseline: number }]
    // Same images and seed for all three: the paired spread of a difference is about
    // √(discordant / n) ≈ √(0.15 · 500) / 500 ≈ 1.7 points, so 3 points is a real ordering.
    expect(small.top1 - medium.top1).toBeGreaterThan(0.03)
    expect(medium.top1 - large.top1).toBeGreaterThan(0.03)
    expect(small.top1).toBeLessThan(small.baseline)
  }, 180_000)
})
