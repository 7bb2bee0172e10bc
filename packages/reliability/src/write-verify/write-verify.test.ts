import { createRandomSource, InvalidArgumentError, StuckState } from '@cimkit/core'
import { describeMiddlewareConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { ActionCounter } from '../testing/action-counter.js'
import { DriftingTestDevice } from '../testing/drifting-test-device.js'
import { programThroughChain } from '../testing/middleware-chain.js'
import { MultiLevelTestDevice } from '../testing/multi-level-test-device.js'
import { TEST_DEVICE_COST } from '../testing/test-device-cost.js'
import { attemptMissProbability, PAPER_002_WRITE_VERIFY, programmingStdOverTolerance } from './paper-002-write-verify.js'
import { createWriteVerify } from './write-verify.js'

const levelsS = [10e-6, 20e-6, 30e-6, 40e-6]
const rangeS = levelsS[3]! - levelsS[0]!
const toleranceFraction = 1 / 60 // δ = 0.5 µS
const toleranceS = toleranceFraction * rangeS

/** The paper-002 double: per-level σ fitted so that N_max attempts leave the paper's fractions out. */
function paper002Device(): MultiLevelTestDevice {
  const programmingStdS = PAPER_002_WRITE_VERIFY.outOfRangeFraction.map((fraction, level) => toleranceS * programmingStdOverTolerance(attemptMissProbability(fraction, PAPER_002_WRITE_VERIFY.maxIterations[level]!)))
  return new MultiLevelTestDevice({ levelsS, programmingStdS })
}

function programLevel(device: MultiLevelTestDevice, level: number, cells: number, maxIterations: number | number[], seed: number) {
  const targets = new Float32Array(cells).fill(levelsS[level]!)
  const technique = createWriteVerify({ maxIterations, toleranceFraction })
  const counter = new ActionCounter()
  const programmed = programThroughChain([technique], device, targets, { rows: cells / 64, columns: 64 }, createRandomSource(seed), counter.record)
  let out = 0
  let squared = 0
  for (let index = 0; index < cells; index++) {
    const error = programmed.conductanceS[index]! - targets[index]!
    squared += error * error
    if (Math.abs(error) > toleranceS) out++
  }
  return { outFraction: out / cells, rmsS: Math.sqrt(squared / cells), technique, counter, programmed }
}

describeMiddlewareConformance('write-verify', {
  create: () => createWriteVerify({ maxIterations: 8, toleranceFraction: 0.02 }),
  device: () => new MultiLevelTestDevice({ levelsS, programmingStdS: [1e-6, 1e-6, 1e-6, 1e-6], stuckLowProbability: 0.01, stuckHighProbability: 0.01 }),
})

describe('write-verify', () => {
  it('paper 002 (Yin et al. 2019): N_max 15/30/15/10 leave 0.32/1.32/0.92/0.44 % of cells out of range on a device fitted to its four levels', () => {
    const device = paper002Device()
    const cells = 8 * PAPER_002_WRITE_VERIFY.cellsPerLevel
    for (let level = 0; level < 4; level++) {
      const expected = PAPER_002_WRITE_VERIFY.outOfRangeFraction[level]!
      const { outFraction } = programLevel(device, level, cells, [...PAPER_002_WRITE_VERIFY.maxIterations], 100 + level)
      // 4 binomial standard deviations of the measured fraction over `cells` cells.
      expect(Math.abs(outFraction - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / cells))
    }
  })

  it('statistics(): per-level out-of-tolerance fractions of one mixed block match paper 002 (0.32/1.32/0.92/0.44 %) and the cells themselves', () => {
    const device = paper002Device()
    const perLevel = 4 * PAPER_002_WRITE_VERIFY.cellsPerLevel
    const targets = Float32Array.from({ length: 4 * perLevel }, (_, index) => levelsS[index % 4]!)
    const technique = createWriteVerify({ maxIterations: [...PAPER_002_WRITE_VERIFY.maxIterations], toleranceFraction })
    const programmed = programThroughChain([technique], device, targets, { rows: perLevel / 16, columns: 64 }, createRandomSource(11), () => {})
    const statistics = technique.statistics()
    expect(statistics.cells).toBe(targets.length)
    expect(statistics.pulsesPerCell).toBeCloseTo(statistics.pulses / statistics.cells, 12)
    let outside = 0
    for (let level = 0; level < 4; level++) {
      let levelOutside = 0
      for (let index = level; index < targets.length; index += 4) if (Math.abs(programmed.conductanceS[index]! - targets[index]!) > toleranceS) levelOutside++
      outside += levelOutside
      expect(statistics[`level${level}Cells`]).toBe(perLevel)
      expect(statistics[`level${level}OutOfToleranceFraction`]).toBe(levelOutside / perLevel)
      const expected = PAPER_002_WRITE_VERIFY.outOfRangeFraction[level]!
      // 4 binomial standard deviations over `perLevel` cells.
      expect(Math.abs(statistics[`level${level}OutOfToleranceFraction`]! - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / perLevel))
      expect(statistics[`level${level}PulsesPerCell`]).toBeLessThanOrEqual(PAPER_002_WRITE_VERIFY.maxIterations[level]!)
    }
    expect(statistics.cellsOutOfTolerance).toBe(outside)
    expect(statistics.outOfToleranceFraction).toBe(outside / targets.length)
  })

  it('statistics() of an analog device has no per-level entries', () => {
    const device = new DriftingTestDevice({ minS: 1e-6, maxS: 25e-6, programmingStdS: 1e-6, driftModel: 'constant' })
    const technique = createWriteVerify({ maxIterations: 5, toleranceFraction: 0.01 })
    programThroughChain([technique], device, new Float32Array(64).fill(12e-6), { rows: 8, columns: 8 }, createRandomSource(2), () => {})
    expect(Object.keys(technique.statistics()).filter((key) => key.startsWith('level'))).toEqual([])
    expect(technique.statistics().cells).toBe(64)
  })

  it('paper 002: mean pulses per cell = (1 − q^N_max)/(1 − q) per level, one verify read per pulse', () => {
    const device = paper002Device()
    const cells = 16384
    for (let level = 0; level < 4; level++) {
      const maxIterations = PAPER_002_WRITE_VERIFY.maxIterations[level]!
      const q = attemptMissProbability(PAPER_002_WRITE_VERIFY.outOfRangeFraction[level]!, maxIterations)
      const { technique } = programLevel(device, level, cells, [...PAPER_002_WRITE_VERIFY.maxIterations], 200 + level)
      const statistics = technique.statistics()
      const expected = (1 - Math.pow(q, maxIterations)) / (1 - q)
      // Pulses per cell are truncated-geometric: σ ≤ √q/(1 − q); 4 standard errors of the mean.
      expect(Math.abs(statistics.pulses / cells - expected)).toBeLessThan((4 * Math.sqrt(q)) / (1 - q) / Math.sqrt(cells))
      expect(statistics.verifyReads).toBe(statistics.pulses)
    }
  })

  it('paper 000 §5: with the default 2.95 % band, an analog cell of 5 % programming σ ends within 2.95 % of its target', () => {
    const device = new MultiLevelTestDevice({ levelsS: [1e-6, 25e-6], programmingStdS: [1.2e-6, 1.2e-6], quantized: false })
    const technique = createWriteVerify()
    expect(technique.toJSON()).toMatchObject({ toleranceFraction: 0.0295, maxIterations: 15 })
    const targets = new Float32Array(16384)
    createRandomSource(8).fillUniform(targets, 5e-6, 21e-6)
    const programmed = programThroughChain([technique], device, targets, { rows: 128, columns: 128 }, createRandomSource(9), () => {})
    let within = 0
    for (let index = 0; index < targets.length; index++) if (Math.abs(programmed.conductanceS[index]! - targets[index]!) <= 0.0295 * 24e-6) within++
    // q = 2Φ(−0.0295/0.05) ≈ 0.555 per attempt: q^15 ≈ 1.5e-4 of the cells stay outside.
    expect(within / targets.length).toBeGreaterThan(0.999)
  })

  it('paper 002: the distribution tightens as N_max grows; out-of-range fraction follows q^N_max', () => {
    const device = paper002Device()
    const cells = 16384
    const q = attemptMissProbability(PAPER_002_WRITE_VERIFY.outOfRangeFraction[1]!, PAPER_002_WRITE_VERIFY.maxIterations[1]!)
    let previousRms = Infinity
    for (const maxIterations of [1, 2, 4, 8, 16, 30]) {
      const { outFraction, rmsS } = programLevel(device, 1, cells, maxIterations, 7)
      const expected = Math.pow(q, maxIterations)
      expect(Math.abs(outFraction - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / cells) + 1e-9)
      expect(rmsS).toBeLessThan(previousRms)
      previousRms = rmsS
    }
  })

  it('counts pulses, reads, energy and time: each pulse 400 pJ and 1 µs, each read V²·G·t (paper 004 Table 1 double)', () => {
    const { technique, counter } = programLevel(paper002Device(), 2, 4096, 15, 3)
    const statistics = technique.statistics()
    expect(counter.get('writeVerify', 'pulse')).toBe(statistics.pulses)
    expect(counter.get('writeVerify', 'read')).toBe(statistics.verifyReads)
    expect(statistics.pulses).toBeGreaterThan(4096)
    expect(statistics.pulses).toBeLessThanOrEqual(15 * 4096)
    const readEnergyJ = TEST_DEVICE_COST.readVoltageV ** 2 * levelsS[2]! * TEST_DEVICE_COST.readPulseS * statistics.verifyReads
    expect(statistics.energyJ).toBeCloseTo(statistics.pulses * 400e-12 + readEnergyJ, 15)
    expect(statistics.timeS).toBeCloseTo(statistics.pulses * 1e-6 + statistics.verifyReads * 10e-9, 12)
    const [added] = technique.addedComponents
    expect(added?.cost.energyPerActionJ.pulse).toBe(400e-12)
  })

  it('stuck cells use all N_max pulses and stay out of tolerance; healthy cells converge', () => {
    const device = new MultiLevelTestDevice({ levelsS, programmingStdS: [1e-6, 1e-6, 1e-6, 1e-6], stuckLowProbability: 0.02, stuckHighProbability: 0.02 })
    const targets = new Float32Array(4096).fill(levelsS[1]!)
    const technique = createWriteVerify({ maxIterations: 12, toleranceFraction })
    const programmed = programThroughChain([technique], device, targets, { rows: 64, columns: 64 }, createRandomSource(5), new ActionCounter().record)
    let stuck = 0
    for (let index = 0; index < targets.length; index++) {
      if (programmed.stuck![index] === StuckState.healthy) continue
      stuck++
      expect(programmed.conductanceS[index]).toBe(Math.fround(programmed.stuck![index] === StuckState.stuckLow ? levelsS[0]! : levelsS[3]!))
    }
    expect(stuck).toBeGreaterThan(100)
    const statistics = technique.statistics()
    // q = 2Φ(−0.5) = 0.617 per attempt: healthy cells still out after 12 attempts ≈ 0.3 % of 4096.
    expect(statistics.cellsOutOfTolerance - stuck).toBeLessThan(40)
    expect(statistics.cellsOutOfTolerance).toBeGreaterThanOrEqual(stuck)
    expect(statistics.pulses).toBeGreaterThanOrEqual(stuck * 12)
  })

  it('keeps the drift exponent of the pulse that was accepted', () => {
    const device = new DriftingTestDevice({ minS: 1e-6, maxS: 25e-6, programmingStdS: 1e-6, driftModel: 'constant' })
    const targets = new Float32Array(256).fill(12e-6)
    const programmed = programThroughChain([createWriteVerify({ maxIterations: 10, toleranceFraction: 0.01 })], device, targets, { rows: 16, columns: 16 }, createRandomSource(2), () => {})
    expect(programmed.driftExponent?.length).toBe(256)
    for (const exponent of programmed.driftExponent!) expect(exponent).toBeGreaterThanOrEqual(0)
  })

  it('rejects one N_max per level on an analog device', () => {
    const device = new DriftingTestDevice({ minS: 1e-6, maxS: 25e-6, driftModel: 'constant' })
    const run = () => programThroughChain([createWriteVerify({ maxIterations: [15, 30, 15, 10] })], device, new Float32Array(4).fill(5e-6), { rows: 2, columns: 2 }, createRandomSource(1), () => {})
    expect(run).toThrow(InvalidArgumentError)
  })
})
