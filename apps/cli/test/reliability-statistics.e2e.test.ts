import { fileURLToPath } from 'node:url'
import { PAPER_002_WRITE_VERIFY } from '@cimkit/reliability'
import { describe, expect, it } from 'vitest'
import { spawnCli } from './spawn-cli.js'

// Issue 11: the run report lists each reliability technique in declared order with its
// `statistics()` (spec 0.2.0), cumulative over every array and trial of the run.

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))

interface ReliabilityEntry {
  readonly order: number
  readonly type: string
  readonly statistics: Readonly<Record<string, number>>
}

describe('run report: reliability statistics', () => {
  it('examples/reliability-write-verify.yaml reports the out-of-tolerance fraction per level near paper 002 (0.32/1.32/0.92/0.44 % at N_max 15/30/15/10)', () => {
    const result = spawnCli(['run', `${examples}reliability-write-verify.yaml`, '--json'])
    expect(result.status, result.stderr).toBe(0)
    const report = JSON.parse(result.stdout) as { reliability: readonly ReliabilityEntry[] }
    expect(report.reliability.map(({ order, type }) => ({ order, type }))).toEqual([{ order: 0, type: 'write-verify' }])
    const { statistics } = report.reliability[0]!
    // The MLP's 8-bit weights in four 2-bit slices, 3 trials: every cell of every trial is counted.
    expect(statistics.cells).toBe([0, 1, 2, 3].reduce((sum, level) => sum + statistics[`level${level}Cells`]!, 0))
    expect(statistics.verifyReads).toBe(statistics.pulses)
    expect(statistics.pulsesPerCell).toBeGreaterThan(1)
    PAPER_002_WRITE_VERIFY.outOfRangeFraction.forEach((expected, level) => {
      const cells = statistics[`level${level}Cells`]!
      // Measured (seed 1): 0.318, 1.322, 0.920, 0.424 % over 1.99 M, 283 k, 195 k and 154 k cells.
      // Each cell misses independently with the paper's fraction: 4 binomial standard deviations.
      expect(cells, `level ${level}`).toBeGreaterThan(100_000)
      expect(Math.abs(statistics[`level${level}OutOfToleranceFraction`]! - expected), `level ${level}`).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / cells))
      expect(statistics[`level${level}PulsesPerCell`], `level ${level}`).toBeLessThanOrEqual(PAPER_002_WRITE_VERIFY.maxIterations[level]!)
    })
  }, 120_000)

  it('examples/reliability-fault-aware-remap.yaml: the test read finds the 2 % stuck cells, and remapping leaves fewer that matter', () => {
    const result = spawnCli(['run', `${examples}reliability-fault-aware-remap.yaml`, '--json'])
    expect(result.status, result.stderr).toBe(0)
    const { statistics } = (JSON.parse(result.stdout) as { reliability: readonly ReliabilityEntry[] }).reliability[0]!
    // stuckOnFraction + stuckOffFraction = 0.02 of every cell, drawn independently: 4 binomial σ.
    // Measured (seed 1): 8,698 of 436,736 cells (the MLP's differential pairs, 2 trials).
    expect(Math.abs(statistics.stuckCellsFound! / statistics.cells! - 0.02)).toBeLessThan(4 * Math.sqrt((0.02 * 0.98) / statistics.cells!))
    expect(statistics.squaredErrorAfterS2).toBeLessThan(statistics.squaredErrorBeforeS2!)
    expect(statistics.stuckCellsUnrecovered).toBeLessThan(statistics.stuckCellsHarmfulBefore!)
  }, 60_000)

  it('examples/reliability-ecc.yaml: SECDED(8,4) corrects words, and the bit errors left after decoding are under half of those sensed', () => {
    const result = spawnCli(['run', `${examples}reliability-ecc.yaml`, '--json'])
    expect(result.status, result.stderr).toBe(0)
    const { type, statistics } = (JSON.parse(result.stdout) as { reliability: readonly ReliabilityEntry[] }).reliability[0]!
    expect(type).toBe('ecc')
    // Measured (seed 1): raw 4.99 % of 6.16 M stored bits, residual 1.57 %; 219,397 corrected and 39,510 uncorrectable of 776,416 words.
    expect(statistics.storedBits! - statistics.dataBits!).toBe(4 * statistics.words!) // 4 check bits per word (short last words keep theirs)
    expect(statistics.residualBitErrorFraction).toBeLessThan(statistics.rawBitErrorFraction! / 2)
    expect(statistics.correctedWords! + statistics.uncorrectableWords!).toBeLessThanOrEqual(statistics.words!)
    expect(statistics.correctedWords).toBeGreaterThan(statistics.uncorrectableWords!)
  }, 60_000)
})
