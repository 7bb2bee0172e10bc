import { createRandomSource } from '@cimkit/core'
import { describeMiddlewareConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { ActionCounter } from '../testing/action-counter.js'
import { DriftingTestDevice } from '../testing/drifting-test-device.js'
import { mvmThroughChain, programThroughChain } from '../testing/middleware-chain.js'
import { TestCrossbar } from '../testing/test-crossbar.js'
import { createRefresh } from './refresh.js'
import { effectiveTimeS } from '../host/time-aware-middleware.js'

const rows = 32
const columns = 16
const device = new DriftingTestDevice({ minS: 1e-6, maxS: 25e-6, driftModel: 'constant', driftMean: 0.06, driftStd: 0.01 })

describeMiddlewareConformance('refresh', { create: () => createRefresh({ policy: 'periodic', intervalS: 3600 }), device: () => device })

describe('refresh', () => {
  it('time hook: the array state is never older than the interval', () => {
    const refresh = createRefresh({ policy: 'periodic', intervalS: 3600 })
    expect(effectiveTimeS([refresh], 100)).toBe(100)
    expect(effectiveTimeS([refresh], 5400)).toBe(1800)
    expect(refresh.refreshesBy(3.1536e7)).toBe(8760)
  })

  it('drift-threshold: T = t₀·r^(−1/ν̄) keeps the mean scale above r for a year of drift (ν̄ = 0.06)', () => {
    const refresh = createRefresh({ policy: 'drift-threshold', minRetainedFraction: 0.9, meanDriftExponent: 0.06 })
    expect(refresh.intervalS).toBeCloseTo(20 * Math.pow(0.9, -1 / 0.06), 9)
    const targets = new Float32Array(rows * columns)
    createRandomSource(1).fillUniform(targets, 2e-6, 25e-6)
    const cells = programThroughChain([refresh], device, targets, { rows, columns }, createRandomSource(2), () => {})
    const crossbar = new TestCrossbar(device, cells, rows, columns, createRandomSource(3))
    const inputs = new Float32Array(rows).fill(1)
    const counter = new ActionCounter()
    const read = (middleware: typeof refresh[], timeS: number) => mvmThroughChain(middleware, crossbar, inputs, 1, { timeS, random: createRandomSource(4), record: counter.record, arrayId: 'a' })
    const sum = (values: Float32Array) => values.reduce((total, value) => total + value, 0)
    const initial = sum(read([], 1))
    for (const timeS of [3600, 86400, 2.592e6, 3.1536e7, 3.1536e7 + refresh.intervalS * 0.999]) {
      const retained = sum(read([refresh], timeS)) / initial
      expect(retained).toBeGreaterThan(0.9 - 0.01) // ν spread 0.01 around 0.06: a 1 % margin at the worst moment
      expect(sum(read([], timeS)) / initial).toBeLessThan(timeS > 86400 ? 0.65 : 0.9)
    }
    // Each refresh rewrites every cell once: pulses = refreshes × cells.
    expect(counter.get('refresh', 'pulse')).toBe(refresh.refreshesBy(3.1536e7 + refresh.intervalS * 0.999) * rows * columns)
    expect(refresh.addedComponents[0]?.cost.energyPerActionJ.pulse).toBe(400e-12)
    const refreshes = refresh.refreshesBy(3.1536e7 + refresh.intervalS * 0.999)
    expect(refresh.statistics()).toEqual({ intervalS: refresh.intervalS, arrays: 1, refreshes, refreshesPerArrayMax: refreshes, pulses: counter.get('refresh', 'pulse') })
  })

  it('statistics(): refreshes are counted once per array, and an earlier read does not undo them', () => {
    const refresh = createRefresh({ policy: 'periodic', intervalS: 3600, pulsesPerCell: 2 })
    const crossbar = new TestCrossbar(device, programThroughChain([refresh], device, new Float32Array(rows * columns).fill(5e-6), { rows, columns }, createRandomSource(2), () => {}), rows, columns, createRandomSource(3))
    const read = (timeS: number, arrayId: string) => mvmThroughChain([refresh], crossbar, new Float32Array(rows).fill(1), 1, { timeS, random: createRandomSource(4), record: () => {}, arrayId })
    read(3 * 3600 + 1, 'a')
    read(3600 + 1, 'a')
    read(3600 + 1, 'b')
    expect(refresh.statistics()).toEqual({ intervalS: 3600, arrays: 2, refreshes: 4, refreshesPerArrayMax: 3, pulses: 4 * rows * columns * 2 })
  })
})
