import { createRandomSource } from '@cimkit/core'
import { describeMiddlewareConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { ActionCounter } from '../testing/action-counter.js'
import { programThroughChain } from '../testing/middleware-chain.js'
import { MultiLevelTestDevice } from '../testing/multi-level-test-device.js'
import { TEST_DEVICE_COST } from '../testing/test-device-cost.js'
import { createSpareColumns } from './spare-columns.js'
import { spareColumnsOptionsSchema } from './spare-columns-options.js'

const rows = 64
const columns = 32
const device = (stuckRate: number) => new MultiLevelTestDevice({ levelsS: [1e-6, 25e-6], programmingStdS: [0.1e-6, 0.1e-6], quantized: false, stuckLowProbability: stuckRate / 2, stuckHighProbability: stuckRate / 2 })

function targets(seed: number): Float32Array {
  const random = createRandomSource(seed)
  return Float32Array.from({ length: rows * columns }, () => 1e-6 + 24e-6 * random.nextUniform())
}

function squaredError(a: Float32Array, b: Float32Array): number {
  let sum = 0
  for (let index = 0; index < a.length; index++) sum += (a[index]! - b[index]!) ** 2
  return sum
}

describeMiddlewareConformance('spare-columns', { create: () => createSpareColumns(), device: () => device(0.02) })

describe('spare-columns', () => {
  it('paper 003 §VIII (redundant columns): replaces the worst faulty columns and lowers the conductance error', () => {
    const weights = targets(1)
    const plain = programThroughChain([], device(0.005), weights, { rows, columns }, createRandomSource(8), () => {})
    const technique = createSpareColumns({ spareColumns: 4 })
    const counter = new ActionCounter()
    const repaired = programThroughChain([technique], device(0.005), weights, { rows, columns }, createRandomSource(8), counter.record)
    // 0.5 % of 2048 cells ≈ 10 stuck cells spread over most columns: four spares fix four of them.
    const statistics = technique.statistics()
    expect(statistics.replacedColumns).toBeGreaterThanOrEqual(3)
    // The same seed programs the same block: the faulty columns are those of the plain programming.
    const thresholdS = spareColumnsOptionsSchema.parse({}).faultThresholdFraction * 24e-6
    let faultyColumns = 0
    for (let column = 0; column < columns; column++) {
      let faulty = false
      for (let row = 0; row < rows; row++) if (Math.abs(plain.conductanceS[row * columns + column]! - weights[row * columns + column]!) > thresholdS) faulty = true
      if (faulty) faultyColumns++
    }
    expect(statistics).toEqual({ arrays: 1, sparesProvided: 4, replacedColumns: statistics.replacedColumns, faultyColumns, faultyColumnsUnrepaired: faultyColumns - statistics.replacedColumns })
    expect(squaredError(repaired.conductanceS, weights)).toBeLessThan(squaredError(plain.conductanceS, weights) * 0.8)
    expect(counter.get('spareColumns', 'pulse')).toBe(4 * rows)
    expect(counter.get('spareColumns', 'read')).toBe(rows * columns + 4 * rows)
  })

  it('declares the spare cells area: spares × rows × 12 F² at 130 nm per array', () => {
    const technique = createSpareColumns({ spareColumns: 2 })
    expect(technique.addedComponents).toEqual([])
    programThroughChain([technique], device(0.01), targets(2), { rows, columns }, createRandomSource(2), () => {})
    programThroughChain([technique], device(0.01), targets(3), { rows, columns }, createRandomSource(3), () => {})
    const [added] = technique.addedComponents
    expect(added?.count).toBe(2)
    expect(added?.cost.areaMm2).toBeCloseTo(2 * rows * TEST_DEVICE_COST.cellAreaF2 * (130e-6) ** 2, 15)
  })

  it('touches nothing on a fault-free array', () => {
    const technique = createSpareColumns()
    const counter = new ActionCounter()
    programThroughChain([technique], device(0), targets(4), { rows, columns }, createRandomSource(4), counter.record)
    expect(technique.statistics().replacedColumns).toBe(0)
    expect(counter.get('spareColumns', 'pulse')).toBe(0)
  })
})
