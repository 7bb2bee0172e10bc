import { describe, expect, it } from 'vitest'
import { createRandomSource } from '../random/create-random-source.js'
import type { DeviceModelV1 } from '../spec/device/v1/device-model.js'
import type { ReliabilityMiddlewareV1 } from '../spec/reliability/v1/reliability-middleware.js'
import { checkComponentCostModel, checkSerialisable } from './check-cost-model.js'

/**
 * The reliability-middleware contract: each hook it has keeps shapes, calls inward, records only
 * non-negative counts, and is deterministic under a seed.
 * @since 0.1.0
 */
export function describeMiddlewareConformance(name: string, options: { readonly create: () => ReliabilityMiddlewareV1; readonly device: () => DeviceModelV1 }): void {
  describe(`reliability middleware conformance: ${name}`, () => {
    it('declares spec v1 and serialises', () => {
      const middleware = options.create()
      expect(middleware.specificationVersion).toBe('v1')
      checkSerialisable(middleware)
      for (const added of middleware.addedComponents ?? []) {
        expect(added.count).toBeGreaterThanOrEqual(0)
        checkComponentCostModel(added.cost)
      }
    })

    it('wrapProgram keeps the shape, calls inward and is deterministic', () => {
      const middleware = options.create()
      if (middleware.wrapProgram === undefined) return
      const device = options.device()
      const rows = 16
      const columns = 8
      const targets = new Float32Array(rows * columns)
      const { minS, maxS } = device.conductanceRangeS
      for (let index = 0; index < targets.length; index++) targets[index] = minS + ((maxS - minS) * (index % 5)) / 4
      const run = (): Float32Array => {
        let innerCalls = 0
        const random = createRandomSource(4)
        const cells = options.create().wrapProgram!({
          targetsS: targets,
          rows,
          columns,
          device,
          random,
          doProgram: (inner) => {
            innerCalls++
            return device.doProgram(inner, random.stream('inner', innerCalls))
          },
          record: (_component, _action, count) => expect(count).toBeGreaterThanOrEqual(0),
        })
        expect(innerCalls).toBeGreaterThan(0)
        expect(cells.conductanceS.length).toBe(targets.length)
        return cells.conductanceS
      }
      expect(Array.from(run())).toEqual(Array.from(run()))
    })

    it('wrapMvm keeps the shape and calls inward', () => {
      const middleware = options.create()
      if (middleware.wrapMvm === undefined) return
      let innerCalls = 0
      const out = middleware.wrapMvm({
        inputs: new Float32Array(4 * 3).fill(0.5),
        batch: 4,
        rows: 3,
        columns: 2,
        timeS: 1,
        random: createRandomSource(1),
        doMvm: (inputs) => {
          innerCalls++
          return new Float32Array((inputs.length / 3) * 2).fill(1)
        },
        record: (_component, _action, count) => expect(count).toBeGreaterThanOrEqual(0),
      })
      expect(innerCalls).toBeGreaterThan(0)
      expect(out.length).toBe(8)
    })
  })
}
