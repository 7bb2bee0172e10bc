import { createRandomSource } from '@cimkit/core'
import type { ReliabilityMiddlewareV1 } from '@cimkit/core'
import { describeMiddlewareConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { ActionCounter } from '../testing/action-counter.js'
import { programThroughChain } from '../testing/middleware-chain.js'
import { MultiLevelTestDevice } from '../testing/multi-level-test-device.js'
import { createFaultAwareRemap } from './fault-aware-remap.js'

const rows = 64
const columns = 64
const minS = 1e-6
const maxS = 25e-6

function device(stuckRate: number): MultiLevelTestDevice {
  return new MultiLevelTestDevice({ levelsS: [minS, maxS], programmingStdS: [0.1e-6, 0.1e-6], quantized: false, stuckLowProbability: stuckRate / 2, stuckHighProbability: stuckRate / 2 })
}

/** Trained-network-like targets: most weights small, a few large (|N(0,1)|/3 of the range above G_min). */
function targets(seed: number): Float32Array {
  const random = createRandomSource(seed)
  return Float32Array.from({ length: rows * columns }, () => minS + (maxS - minS) * Math.min(1, Math.abs(random.nextNormal()) / 3))
}

/** ‖x·(G − T)‖ / ‖x·(T − G_min)‖ over a batch of uniform inputs: MVM error relative to the weight signal. */
function mvmError(conductanceS: Float32Array, targetsS: Float32Array): number {
  const random = createRandomSource(77)
  let error = 0
  let signal = 0
  for (let plane = 0; plane < 32; plane++) {
    const x = new Float32Array(rows)
    random.fillUniform(x, 0, 1)
    for (let column = 0; column < columns; column++) {
      let deviation = 0
      let weight = 0
      for (let row = 0; row < rows; row++) {
        deviation += x[row]! * (conductanceS[row * columns + column]! - targetsS[row * columns + column]!)
        weight += x[row]! * (targetsS[row * columns + column]! - minS)
      }
      error += deviation * deviation
      signal += weight * weight
    }
  }
  return Math.sqrt(error / signal)
}

function programmedError(middleware: ReliabilityMiddlewareV1[], stuckRate: number, seed: number): number {
  const weights = targets(seed)
  const cells = programThroughChain(middleware, device(stuckRate), weights, { rows, columns }, createRandomSource(1000 + seed), () => {})
  return mvmError(cells.conductanceS, weights)
}

describeMiddlewareConformance('fault-aware-remap', { create: () => createFaultAwareRemap({ permute: 'both' }), device: () => device(0.05) })

describe('fault-aware-remap', () => {
  for (const stuckRate of [0.02, 0.05, 0.1]) {
    it(`paper 000 §5 (Liu et al. / Xia et al., DAC 2017): at ${stuckRate * 100} % stuck cells, remapping cuts the MVM error`, () => {
      for (const seed of [1, 2]) {
        const plain = programmedError([], stuckRate, seed)
        const rowsOnly = programmedError([createFaultAwareRemap({ permute: 'rows' })], stuckRate, seed)
        const both = programmedError([createFaultAwareRemap({ permute: 'both' })], stuckRate, seed)
        expect(rowsOnly).toBeLessThan(plain * 0.8)
        expect(both).toBeLessThan(rowsOnly)
      }
    })
  }

  it('moves significant weights off stuck cells: the conductance error on stuck cells falls, and the test read is counted', () => {
    const technique = createFaultAwareRemap({ permute: 'both' })
    const counter = new ActionCounter()
    const weights = targets(3)
    const cells = programThroughChain([technique], device(0.05), weights, { rows, columns }, createRandomSource(3), counter.record)
    const statistics = technique.statistics()
    expect(statistics.stuckCellsFound).toBeGreaterThan(0.03 * rows * columns)
    expect(statistics.squaredErrorAfterS2).toBeLessThan(statistics.squaredErrorBeforeS2 / 2)
    expect(statistics.blocks).toBe(1)
    expect(statistics.cells).toBe(rows * columns)
    expect(statistics.rowsMoved + statistics.columnsMoved).toBeGreaterThan(0)
    // Unrecovered cells are a subset of the stuck ones, and remapping leaves fewer that matter.
    expect(statistics.stuckCellsUnrecovered).toBeLessThan(statistics.stuckCellsHarmfulBefore)
    expect(statistics.stuckCellsHarmfulBefore).toBeLessThanOrEqual(statistics.stuckCellsFound)
    let harmfulAfter = 0
    for (let index = 0; index < weights.length; index++) if (cells.stuck![index] !== 0 && Math.abs(cells.conductanceS[index]! - weights[index]!) > 0.1 * (maxS - minS)) harmfulAfter++
    expect(statistics.stuckCellsUnrecovered).toBe(harmfulAfter)
    let stuckErrorAfter = 0
    for (let index = 0; index < weights.length; index++) if (cells.stuck![index] !== 0) stuckErrorAfter += (cells.conductanceS[index]! - weights[index]!) ** 2
    // The cells the device reports stuck (in logical order) are those the test read found.
    expect(stuckErrorAfter).toBeCloseTo(statistics.squaredErrorAfterS2, 12)
    expect(counter.get('testRead', 'pulse')).toBe(2 * rows * columns)
    expect(counter.get('testRead', 'read')).toBe(2 * rows * columns)
    expect(technique.addedComponents[0]?.cost.energyPerActionJ.pulse).toBe(400e-12)
  })

  it('the two-pass test finds exactly the stuck cells of a binary (two-level) device, and none on a healthy one', () => {
    for (const stuckRate of [0, 0.05]) {
      const binary = new MultiLevelTestDevice({ levelsS: [minS, maxS], programmingStdS: [1e-6, 2e-6], stuckLowProbability: stuckRate / 2, stuckHighProbability: stuckRate / 2 })
      const technique = createFaultAwareRemap()
      const weights = Float32Array.from(targets(5), (value) => (value > 13e-6 ? maxS : minS))
      const cells = programThroughChain([technique], binary, weights, { rows, columns }, createRandomSource(6), () => {})
      expect(technique.statistics().stuckCellsFound).toBe(cells.stuck!.reduce((sum, code) => sum + (code === 0 ? 0 : 1), 0))
    }
  })

  it('leaves a fault-free array as it is', () => {
    const weights = targets(4)
    const plain = programThroughChain([], device(0), weights, { rows, columns }, createRandomSource(4), () => {})
    const remapped = programThroughChain([createFaultAwareRemap({ permute: 'both' })], device(0), weights, { rows, columns }, createRandomSource(4), () => {})
    expect(Array.from(remapped.conductanceS)).toEqual(Array.from(plain.conductanceS))
  })
})
