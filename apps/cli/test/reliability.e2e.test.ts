import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { spawnCli } from './spawn-cli.js'

// Issue 11: each reliability example reports MNIST accuracy with and without its technique on the
// MLP reference model (97.94 % on the full test set). Seeds are fixed, so every run is reproducible;
// the margins below are stated against the subset size: n = samples × trials predictions give an
// accuracy a binomial σ ≤ √(0.25 / n): 0.025, 0.020 and 0.017 at n = 400, 600 and 900, and a
// difference of two runs σ ≤ 0.035, 0.029 and 0.024 (near 95 % about a third of that). Each asserted
// threshold lies at least 2 such σ inside the measured value.
// Measured values (README "Measured recovery") are in the comments beside each assertion.

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))
let directory: string
let written = 0

type Config = Record<string, unknown> & { device: Record<string, unknown>; run: Record<string, unknown>; reliability?: unknown }

interface Accuracy {
  readonly top1: number
  readonly baseline: number
  readonly trials: number
  readonly perTrial: readonly number[]
}

function loadExample(name: string): Config {
  return parse(readFileSync(join(examples, name), 'utf8')) as Config
}

/** Runs a config (an example, or a variant of one written to the temp dir) and returns its accuracy. */
function accuracyOf(config: Config | string): Accuracy {
  let path: string
  if (typeof config === 'string') path = join(examples, config)
  else writeFileSync((path = join(directory, `variant-${written++}.yaml`)), stringify(config))
  const result = spawnCli(['run', path, '--json'])
  expect(result.status, result.stderr).toBe(0)
  const report = JSON.parse(result.stdout) as { accuracy: Accuracy | null }
  expect(report.accuracy).not.toBeNull()
  return report.accuracy!
}

/** The example without its technique: the same file with no `reliability` section. */
function without(config: Config): Config {
  const { reliability: _technique, ...rest } = config
  return rest as Config
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'cimkit-reliability-'))
})

afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('examples/reliability-*.yaml: accuracy of the MNIST MLP with and without each technique', () => {
  it('fault-aware-remap (paper 000 §5): recovers accuracy at 1, 2 and 4 % stuck cells (half stuck on, half off)', () => {
    const example = loadExample('reliability-fault-aware-remap.yaml')
    const rows: { rate: number; plain: number; remapped: number }[] = []
    for (const rate of [0.01, 0.02, 0.04]) {
      const config = { ...example, device: { ...example.device, stuckOnFraction: rate / 2, stuckOffFraction: rate / 2 } }
      rows.push({ rate, plain: accuracyOf(without(config)).top1, remapped: accuracyOf(config).top1 })
    }
    // n = 200 × 2 = 400 per point. Measured: 1 % 0.748 → 0.935, 2 % 0.495 → 0.815, 4 % 0.205 → 0.600.
    expect(rows[0]!.plain).toBeGreaterThan(rows[1]!.plain + 0.06)
    expect(rows[1]!.plain).toBeGreaterThan(rows[2]!.plain + 0.06)
    for (const { rate, plain, remapped } of rows) expect(remapped - plain, `${rate * 100} % stuck`).toBeGreaterThan(0.1)
    expect(rows.reduce((sum, row) => sum + row.remapped - row.plain, 0) / rows.length).toBeGreaterThan(0.2)
  }, 120_000)

  it('drift-compensation (aihwkit GlobalDriftCompensation): aihwkit PCM with a 5-bit ADC keeps its 1 s accuracy after 1 year only with compensation', () => {
    const example = loadExample('reliability-drift-compensation.yaml')
    const at = (config: Config, timeS: number): Config => ({ ...config, run: { ...config.run, timeSinceProgrammingS: timeS } })
    const plainSecond = accuracyOf(at(without(example), 1)).top1
    const compensatedSecond = accuracyOf(at(example, 1)).top1
    const plainYear = accuracyOf(without(example)).top1
    const compensatedYear = accuracyOf('reliability-drift-compensation.yaml').top1
    // Within its 20 s baseline window the technique only takes the baseline: identical outputs.
    expect(compensatedSecond).toBe(plainSecond)
    // n = 300 × 3 = 900. Measured: 1 s 0.982; 1 year 0.854 without, 0.950 with.
    expect(plainSecond - plainYear).toBeGreaterThan(0.08)
    expect(compensatedYear - plainYear).toBeGreaterThan(0.06)
    expect(plainSecond - compensatedYear).toBeLessThan(0.06)
  }, 120_000)

  it('write-verify (paper 002 N_max 15/30/15/10 on pulses fitted to its 0.32/1.32/0.92/0.44 % out-of-band fractions): accuracy rises with the iteration budget', () => {
    const example = loadExample('reliability-write-verify.yaml')
    const technique = (example.reliability as Record<string, unknown>[])[0]!
    const raw = accuracyOf(without(example)).top1
    const three = accuracyOf({ ...example, reliability: [{ ...technique, maxIterations: 3 }] }).top1
    const paper = accuracyOf('reliability-write-verify.yaml')
    // n = 200 × 3 = 600. Measured: one pulse 0.238, N_max 3 0.622, paper 002's N_max 0.968 (float 0.990).
    expect(raw).toBeLessThan(0.5)
    expect(three - raw).toBeGreaterThan(0.15)
    expect(paper.top1 - three).toBeGreaterThan(0.15)
    expect(paper.baseline - paper.top1).toBeLessThan(0.06)
  }, 120_000)

  it('alternating-polarity (paper 000 §5, Yan et al. ICCAD 2017): 0.5 % read disturb per read costs accuracy unless the polarity alternates', () => {
    const example = loadExample('reliability-alternating-polarity.yaml')
    const undisturbed = accuracyOf(without({ ...example, device: { ...example.device, readDisturb: undefined } })).top1
    const plain = accuracyOf(without(example)).top1
    const alternating = accuracyOf('reliability-alternating-polarity.yaml').top1
    // n = 300 (the disturb is deterministic; programming error is 1 %). Measured: 0.987 undisturbed,
    // 0.883 disturbed, 0.987 alternating.
    expect(undisturbed - plain).toBeGreaterThan(0.05)
    expect(alternating - plain).toBeGreaterThan(0.05)
    expect(Math.abs(alternating - undisturbed)).toBeLessThan(0.015)
  }, 120_000)

  it('spare-columns (paper 003 §VIII): 16 spare columns per array recover the accuracy lost to 0.2 % stuck cells', () => {
    const example = loadExample('reliability-spare-columns.yaml')
    const plain = accuracyOf(without(example)).top1
    const spared = accuracyOf('reliability-spare-columns.yaml')
    // n = 300 × 3 = 900; near 95 % the binomial σ of a difference is ≈ 0.009. Measured: 0.953 → 0.987 (float 0.990).
    expect(spared.top1 - plain).toBeGreaterThan(0.02)
    expect(spared.baseline - spared.top1).toBeLessThan(0.015)
  }, 120_000)

  it('refresh (paper 003 §VIII): a weekly refresh read 1 year after programming is exactly a read of 1-day-old cells', () => {
    const example = loadExample('reliability-refresh.yaml')
    const at = (config: Config, timeS: number): Config => ({ ...config, run: { ...config.run, timeSinceProgrammingS: timeS } })
    const plainYear = accuracyOf(without(example)).top1
    const plainDay = accuracyOf(at(without(example), 86400))
    const refreshed = accuracyOf('reliability-refresh.yaml')
    // 3.1536e7 s − 52 × 604800 s = 86400 s: same cell age, same random streams, so the same predictions.
    expect(refreshed.perTrial).toEqual(plainDay.perTrial)
    // n = 900. Measured: 0.854 after a year without refresh, 0.936 with it (and 1 day old without).
    expect(refreshed.top1 - plainYear).toBeGreaterThan(0.05)
  }, 120_000)

  it('ecc (paper 004 Fig. 8, SECDED(8,4)): 8-bit weights in binary cells with 10 % stuck cells recover most of the float accuracy', () => {
    const example = loadExample('reliability-ecc.yaml')
    const plain = accuracyOf(without(example)).top1
    const coded = accuracyOf('reliability-ecc.yaml')
    // n = 300 × 2 = 600. Measured: 0.795 → 0.967 (float 0.990).
    expect(coded.top1 - plain).toBeGreaterThan(0.1)
    expect(coded.baseline - coded.top1).toBeLessThan(0.05)
  }, 120_000)
})
