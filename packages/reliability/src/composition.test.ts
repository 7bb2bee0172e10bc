import { createRandomSource } from '@cimkit/core'
import type { ReliabilityMiddlewareV1 } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { createAlternatingPolarity } from './alternating-polarity/alternating-polarity.js'
import { createDriftCompensation } from './drift-compensation/drift-compensation.js'
import { createFaultAwareRemap } from './fault-aware-remap/fault-aware-remap.js'
import { reliabilityReport } from './report/reliability-report.js'
import { ActionCounter } from './testing/action-counter.js'
import { DriftingTestDevice } from './testing/drifting-test-device.js'
import { mvmThroughChain, programThroughChain } from './testing/middleware-chain.js'
import { MultiLevelTestDevice } from './testing/multi-level-test-device.js'
import { TestCrossbar } from './testing/test-crossbar.js'
import { TEST_DEVICE_COST } from './testing/test-device-cost.js'
import { createWriteVerify } from './write-verify/write-verify.js'

const rows = 64
const columns = 32
const device = new MultiLevelTestDevice({ levelsS: [1e-6, 25e-6], programmingStdS: [1.5e-6, 1.5e-6], quantized: false, stuckLowProbability: 0.02, stuckHighProbability: 0.02 })

function targets(): Float32Array {
  const random = createRandomSource(11)
  return Float32Array.from({ length: rows * columns }, () => 1e-6 + 24e-6 * Math.min(1, Math.abs(random.nextNormal()) / 3))
}

function program(middleware: ReliabilityMiddlewareV1[]) {
  const weights = targets()
  const counter = new ActionCounter()
  const cells = programThroughChain(middleware, device, weights, { rows, columns }, createRandomSource(12), counter.record)
  let squared = 0
  for (let index = 0; index < weights.length; index++) squared += (cells.conductanceS[index]! - weights[index]!) ** 2
  return { error: Math.sqrt(squared / weights.length), counter }
}

describe('composition in declared order (first = outermost)', () => {
  it('write-verify and fault-aware-remap each help, together most; the order sets who pays for the test write', () => {
    const plain = program([]).error
    const verified = program([createWriteVerify({ maxIterations: 10, toleranceFraction: 0.02 })]).error
    const remapped = program([createFaultAwareRemap()]).error
    const verifyOuter = program([createWriteVerify({ maxIterations: 10, toleranceFraction: 0.02 }), createFaultAwareRemap()])
    const remapOuter = program([createFaultAwareRemap(), createWriteVerify({ maxIterations: 10, toleranceFraction: 0.02 })])
    expect(verified).toBeLessThan(plain)
    expect(remapped).toBeLessThan(plain)
    for (const combined of [verifyOuter, remapOuter]) expect(combined.error).toBeLessThan(Math.min(verified, remapped))
    // Remap outside write-verify: its two test writes are write-verified too, so more pulses.
    expect(remapOuter.counter.get('writeVerify', 'pulse')).toBeGreaterThan(1.5 * verifyOuter.counter.get('writeVerify', 'pulse'))
    expect(verifyOuter.counter.get('testRead', 'read')).toBe(2 * rows * columns)
  })

  it('an inner alternating-polarity also reverses the outer drift compensation’s reference reads; results agree', () => {
    const pcm = new DriftingTestDevice({ minS: 1e-6, maxS: 25e-6, driftModel: 'state-dependent' })
    const weights = new Float32Array(rows * columns)
    createRandomSource(1).fillUniform(weights, 1e-6, 25e-6)
    const run = (middleware: ReliabilityMiddlewareV1[]) => {
      const cells = programThroughChain(middleware, pcm, weights, { rows, columns }, createRandomSource(2), () => {})
      const crossbar = new TestCrossbar(pcm, cells, rows, columns, createRandomSource(3))
      const inputs = new Float32Array(4 * rows).fill(0.25)
      const counter = new ActionCounter()
      const options = { random: createRandomSource(4), record: counter.record, arrayId: 'a' }
      mvmThroughChain(middleware, crossbar, inputs, 4, { ...options, timeS: 1 })
      return { out: mvmThroughChain(middleware, crossbar, inputs, 4, { ...options, timeS: 86400 }), counter }
    }
    const compensationOuter = run([createDriftCompensation(), createAlternatingPolarity()])
    const polarityOuter = run([createAlternatingPolarity(), createDriftCompensation()])
    for (let index = 0; index < compensationOuter.out.length; index++) expect(compensationOuter.out[index]).toBeCloseTo(polarityOuter.out[index]!, 12)
    // Two calls of 4 planes, plus two identity reference reads of 64 planes when polarity is inner.
    expect(polarityOuter.counter.get('readPolarity', 'decide')).toBe(8)
    expect(compensationOuter.counter.get('readPolarity', 'decide')).toBe(8 + 2 * rows)
  })

  it('the report lists the techniques in declared order with their hardware and the energy of their actions', () => {
    const middleware = [createWriteVerify({ maxIterations: 10, toleranceFraction: 0.02 }), createFaultAwareRemap()]
    const weights = targets()
    const counter = new ActionCounter()
    programThroughChain(middleware, device, weights, { rows, columns }, createRandomSource(12), counter.record)
    const report = reliabilityReport(middleware, counter.counts)
    expect(report.map((entry) => entry.type)).toEqual(['write-verify', 'fault-aware-remap'])
    const readEnergyJ = TEST_DEVICE_COST.readVoltageV ** 2 * 13e-6 * TEST_DEVICE_COST.readPulseS
    const [writeVerify, remap] = report
    expect(writeVerify?.energyJ).toBeCloseTo(counter.get('writeVerify', 'pulse') * 400e-12 + counter.get('writeVerify', 'read') * readEnergyJ, 15)
    expect(remap?.energyJ).toBeCloseTo(2 * rows * columns * (400e-12 + readEnergyJ), 15)
    expect(writeVerify?.options).toMatchObject({ type: 'write-verify', maxIterations: 10 })
    expect(report.every((entry) => entry.areaMm2 === 0)).toBe(true)
  })
})
