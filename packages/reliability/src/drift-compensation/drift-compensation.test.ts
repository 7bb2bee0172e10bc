import { createRandomSource, InvalidArgumentError } from '@cimkit/core'
import type { ReliabilityMiddlewareV1 } from '@cimkit/core'
import { describeMiddlewareConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { ActionCounter } from '../testing/action-counter.js'
import { DriftingTestDevice } from '../testing/drifting-test-device.js'
import { mvmThroughChain, programThroughChain } from '../testing/middleware-chain.js'
import { TestCrossbar } from '../testing/test-crossbar.js'
import { createDriftCompensation } from './drift-compensation.js'
import type { DriftCompensationOptions } from './drift-compensation-options.js'

const rows = 64
const columns = 32
const batch = 16
const maxS = 25e-6
const device = new DriftingTestDevice({ minS: 0.5e-6, maxS, driftModel: 'state-dependent' })
const TIMES_S = { '1 s': 1, '1 h': 3600, '1 day': 86400, '30 days': 2.592e6, '1 year': 3.1536e7 }

/** Column j's targets span a different part of the range, so columns drift differently (ν depends on G). */
function targets(seed: number): Float32Array {
  const random = createRandomSource(seed)
  const out = new Float32Array(rows * columns)
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const top = maxS * (0.05 + (0.95 * column) / (columns - 1))
      out[row * columns + column] = 0.5e-6 + (top - 0.5e-6) * random.nextUniform()
    }
  }
  return out
}

function setup(options: DriftCompensationOptions | null) {
  const cells = programThroughChain([], device, targets(1), { rows, columns }, createRandomSource(2), () => {})
  const crossbar = new TestCrossbar(device, cells, rows, columns, createRandomSource(3))
  const inputs = new Float32Array(batch * rows)
  createRandomSource(4).fillUniform(inputs, 0, 1)
  const middleware = options === null ? [] : [createDriftCompensation(options)]
  const counter = new ActionCounter()
  const read = (timeS: number) => mvmThroughChain(middleware, crossbar, inputs, batch, { timeS, random: createRandomSource(5), record: counter.record, arrayId: 'a' })
  return { read, counter, middleware }
}

function relativeError(actual: Float32Array, expected: Float32Array): number {
  let error = 0
  let norm = 0
  for (let index = 0; index < expected.length; index++) {
    error += (actual[index]! - expected[index]!) ** 2
    norm += expected[index]! ** 2
  }
  return Math.sqrt(error / norm)
}

const meanRatio = (actual: Float32Array, expected: Float32Array): number => actual.reduce((sum, value) => sum + value, 0) / expected.reduce((sum, value) => sum + value, 0)

describeMiddlewareConformance('drift-compensation', { create: () => createDriftCompensation(), device: () => device })

describe('drift-compensation', () => {
  it('aihwkit GlobalDriftCompensation: restores the MVM scale from 1 s to 1 year of PCM drift (ν from the PCMLike fit)', () => {
    const plain = setup(null)
    const compensated = setup({ mode: 'global' })
    const reference = plain.read(1)
    expect(relativeError(compensated.read(1), reference)).toBe(0)
    for (const [label, timeS] of Object.entries(TIMES_S)) {
      const drifted = plain.read(timeS)
      const corrected = compensated.read(timeS)
      // (t/t₀)^−ν with ν ≥ 0.049: at 1 year the raw scale has fallen to about half.
      if (timeS >= 86400) expect(meanRatio(drifted, reference), label).toBeLessThan(0.7)
      expect(Math.abs(meanRatio(corrected, reference) - 1), label).toBeLessThan(0.03)
      if (timeS > 20) expect(relativeError(corrected, reference), label).toBeLessThan(relativeError(drifted, reference) / 4)
    }
    expect(relativeError(compensated.read(TIMES_S['1 year']), reference)).toBeLessThan(0.1)
  })

  it('aihwkit PerColumnDriftCompensation: beats one global scale when columns drift at different rates', () => {
    const global = setup({ mode: 'global' })
    const perColumn = setup({ mode: 'per-column' })
    const reference = global.read(1)
    perColumn.read(1)
    for (const timeS of [TIMES_S['1 day'], TIMES_S['1 year']]) {
      const globalError = relativeError(global.read(timeS), reference)
      const perColumnError = relativeError(perColumn.read(timeS), reference)
      expect(perColumnError).toBeLessThan(globalError / 1.5)
    }
  })

  it('an all-ones reference read gives the same global scale as the identity read', () => {
    const identity = setup({ referenceInput: 'identity' })
    const ones = setup({ referenceInput: 'ones' })
    identity.read(1)
    ones.read(1)
    const a = identity.read(TIMES_S['30 days'])
    const b = ones.read(TIMES_S['30 days'])
    expect(relativeError(b, a)).toBeLessThan(1e-5)
    expect(ones.counter.get('driftCompensation', 'referenceRead')).toBe(2)
  })

  it('counts reference reads (once per array and time) and scaled outputs', () => {
    const { read, counter } = setup({})
    read(1)
    read(3600)
    read(3600)
    expect(counter.get('driftCompensation', 'referenceRead')).toBe(2 * rows)
    expect(counter.get('driftCompensation', 'scale')).toBe(2 * batch * columns)
  })

  it('statistics(): the latest scale factors follow the drifted conductance, α ≈ 1 / raw scale (global), and counts match the recorded actions', () => {
    const plain = setup(null)
    const { read, counter, middleware } = setup({ mode: 'global' })
    const technique = middleware[0] as ReturnType<typeof createDriftCompensation>
    expect(technique.statistics()).toMatchObject({ arrays: 0, scaleMean: 1 })
    const reference = plain.read(1)
    read(1)
    const ratio = meanRatio(plain.read(TIMES_S['1 year']), reference)
    read(TIMES_S['1 year'])
    const statistics = technique.statistics()
    expect(statistics.arrays).toBe(1)
    expect(statistics.scaleUpdates).toBe(1)
    expect(statistics.referenceReads).toBe(counter.get('driftCompensation', 'referenceRead'))
    expect(statistics.scaledOutputs).toBe(counter.get('driftCompensation', 'scale'))
    expect(statistics.scaleMin).toBe(statistics.scaleMax)
    // The reference read and the inputs differ, so α and the inverse raw scale agree to the 3 % the scale test allows.
    expect(Math.abs(statistics.scaleMean * ratio - 1)).toBeLessThan(0.03)
    expect(statistics.scaleMean).toBeGreaterThan(1.4)
  })

  it('reads its reference in planes of the call\'s batch, as the engine\'s host sizes every inner read (spec: doMvm returns batch × columns)', () => {
    const cells = programThroughChain([], device, targets(1), { rows, columns }, createRandomSource(2), () => {})
    const crossbar = new TestCrossbar(device, cells, rows, columns, createRandomSource(3))
    const inputs = new Float32Array(batch * rows)
    createRandomSource(4).fillUniform(inputs, 0, 1)
    const strictRead = (technique: ReliabilityMiddlewareV1, timeS: number): Float32Array =>
      technique.wrapMvm!({
        inputs,
        batch,
        rows,
        columns,
        timeS,
        random: createRandomSource(5),
        record: () => {},
        doMvm: (inner) => {
          if (inner.length !== batch * rows) throw new RangeError(`host reads ${batch} planes, got ${inner.length / rows}`)
          return crossbar.read(inner, batch, timeS)
        },
      })
    const strict = createDriftCompensation()
    const chained = setup({})
    strictRead(strict, 1)
    chained.read(1)
    expect(relativeError(strictRead(strict, TIMES_S['1 year']), chained.read(TIMES_S['1 year']))).toBeLessThan(1e-6)
  })

  it('refuses to compensate an array whose baseline it never read', () => {
    const { read } = setup({})
    expect(() => read(3600)).toThrow(InvalidArgumentError)
  })
})
