import { describe, expect, it } from 'vitest'
import { applyOverrides, expandSweepPoints } from './expand-sweep-points.js'
import { sweepSpecSchema } from './sweep-spec.js'

describe('expandSweepPoints', () => {
  it('grid: cartesian product, first parameter slowest, ranges counted by steps', () => {
    const spec = sweepSpecSchema.parse({ base: 'b.yaml', parameters: [{ key: 'a', values: [1, 2] }, { key: 'b', range: { min: 0, max: 0.3, step: 0.1 } }] })
    const points = expandSweepPoints(spec)
    expect(points).toHaveLength(8)
    expect(points[0]!.overrides).toEqual({ a: 1, b: 0 })
    expect(points[3]!.overrides.b).toBeCloseTo(0.3, 12)
    expect(points[4]!.overrides).toEqual({ a: 2, b: 0 })
  })

  it('random: seeded, reproducible, inside the ranges', () => {
    const spec = sweepSpecSchema.parse({ base: 'b.yaml', mode: 'random', samples: 20, seed: 4, parameters: [{ key: 'bits', range: { min: 2, max: 8, integer: true } }] })
    const first = expandSweepPoints(spec)
    expect(expandSweepPoints(spec)).toEqual(first)
    for (const point of first) expect(point.overrides.bits).toSatisfy((bits: number) => Number.isInteger(bits) && bits >= 2 && bits <= 8)
  })

  it('list: the points as written', () => {
    const spec = sweepSpecSchema.parse({ base: 'b.yaml', mode: 'list', points: [{ x: 1 }, { x: 'y' }] })
    expect(expandSweepPoints(spec).map((point) => point.overrides)).toEqual([{ x: 1 }, { x: 'y' }])
  })

  it('rejects a grid range without a step and a parameter with both values and range', () => {
    const result = sweepSpecSchema.safeParse({ base: 'b.yaml', parameters: [{ key: 'a', range: { min: 0, max: 1 } }, { key: 'b', values: [1], range: { min: 0, max: 1, step: 1 } }] })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['parameters.0.range.step', 'parameters.1'])
  })
})

describe('applyOverrides', () => {
  it('sets dotted keys on a copy, creating sections as needed', () => {
    const base = { peripherals: { adc: { type: 'sar', bits: 8 } } }
    expect(applyOverrides(base, { 'peripherals.adc.bits': 6, 'run.seed': 2 })).toEqual({ peripherals: { adc: { type: 'sar', bits: 6 } }, run: { seed: 2 } })
    expect(base.peripherals.adc.bits).toBe(8)
  })
})
