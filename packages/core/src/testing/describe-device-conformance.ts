import { describe, expect, it } from 'vitest'
import { createRandomSource } from '../random/create-random-source.js'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { DeviceModelV1 } from '../spec/device/v1/device-model.js'
import { checkSerialisable } from './check-cost-model.js'
import { checkOptionsSchema } from './check-rejects-options.js'

/** What the device suite needs. @since 0.1.0 */
export interface DeviceConformanceOptions {
  /** Builds the device under test. */
  readonly create: () => DeviceModelV1
  /** Its registration, to check option validation. */
  readonly registration?: { readonly optionsSchema: StandardSchemaV1 }
  readonly validOptions?: unknown
  /** Option sets that must be rejected, with the key path the error must name. */
  readonly invalidOptions?: readonly { readonly options: unknown; readonly path: string }[]
}

function targetsAcrossRange(device: DeviceModelV1, count: number): Float32Array {
  const { minS, maxS } = device.conductanceRangeS
  const targets = new Float32Array(count)
  for (let index = 0; index < count; index++) {
    const levels = device.levelsS
    targets[index] = levels === null ? minS + ((maxS - minS) * index) / (count - 1) : levels[index % levels.length]!
  }
  return targets
}

/**
 * The device contract as a vitest suite (STYLE.md R32). Third-party device plugins run it against
 * themselves: `describeDeviceConformance('my-device', { create: () => new MyDevice(...) })`.
 * @since 0.1.0
 */
export function describeDeviceConformance(name: string, options: DeviceConformanceOptions): void {
  describe(`device conformance: ${name}`, () => {
    it('declares spec v1, a type and a valid conductance range', () => {
      const device = options.create()
      expect(device.specificationVersion).toBe('v1')
      expect(device.type).toMatch(/^[a-z0-9][a-z0-9-]*$/)
      const { minS, maxS } = device.conductanceRangeS
      expect(minS).toBeGreaterThan(0)
      expect(maxS).toBeGreaterThan(minS)
      expect(Number.isFinite(maxS)).toBe(true)
    })

    it('lists levels ascending inside the conductance range', () => {
      const device = options.create()
      if (device.levelsS === null) return
      expect(device.levelsS.length).toBeGreaterThanOrEqual(2)
      for (let index = 1; index < device.levelsS.length; index++) expect(device.levelsS[index]!).toBeGreaterThan(device.levelsS[index - 1]!)
      expect(device.levelsS[0]!).toBeGreaterThanOrEqual(device.conductanceRangeS.minS * (1 - 1e-6))
      expect(device.levelsS.at(-1)!).toBeLessThanOrEqual(device.conductanceRangeS.maxS * (1 + 1e-6))
    })

    it('programs finite, non-negative conductances, one per target, with valid fault codes', () => {
      const device = options.create()
      const targets = targetsAcrossRange(device, 4096)
      const cells = device.doProgram(targets, createRandomSource(7))
      expect(cells.conductanceS.length).toBe(targets.length)
      for (const value of cells.conductanceS) expect(Number.isFinite(value) && value >= 0).toBe(true)
      if (cells.stuck !== undefined) {
        expect(cells.stuck.length).toBe(targets.length)
        for (const code of cells.stuck) expect([0, 1, 2]).toContain(code)
      }
      if (cells.driftExponent !== undefined) expect(cells.driftExponent.length).toBe(targets.length)
    })

    it('programs monotonically: a higher target gives a higher mean conductance', () => {
      const device = options.create()
      const { minS, maxS } = device.conductanceRangeS
      const steps = device.levelsS ?? [minS, minS + (maxS - minS) / 3, minS + (2 * (maxS - minS)) / 3, maxS]
      const means = steps.map((target, step) => {
        const cells = device.doProgram(new Float32Array(2000).fill(target), createRandomSource(11).stream('level', step))
        return cells.conductanceS.reduce((sum, value) => sum + value, 0) / cells.conductanceS.length
      })
      for (let index = 1; index < means.length; index++) expect(means[index]!).toBeGreaterThan(means[index - 1]!)
    })

    it('is deterministic under a seed', () => {
      const device = options.create()
      const targets = targetsAcrossRange(device, 512)
      const first = device.doProgram(targets, createRandomSource(3).stream('a'))
      const second = options.create().doProgram(targets, createRandomSource(3).stream('a'))
      expect(Array.from(second.conductanceS)).toEqual(Array.from(first.conductanceS))
    })

    it('reports time behaviour and read noise as finite values', () => {
      const device = options.create()
      const cells = device.doProgram(targetsAcrossRange(device, 256), createRandomSource(5))
      if (device.conductanceAtTime !== undefined) {
        const out = new Float32Array(cells.conductanceS.length)
        for (const timeS of [1, 3600, 86400 * 365]) {
          device.conductanceAtTime(cells, timeS, out)
          for (const value of out) expect(Number.isFinite(value) && value >= 0).toBe(true)
        }
      }
      if (device.readNoiseStdS !== undefined) {
        const { minS, maxS } = device.conductanceRangeS
        for (const conductance of [minS, (minS + maxS) / 2, maxS]) {
          const std = device.readNoiseStdS(conductance, 1)
          expect(Number.isFinite(std) && std >= 0).toBe(true)
        }
      }
    })

    it('has a complete cost with a source', () => {
      const { cost } = options.create()
      for (const value of [cost.cellAreaF2, cost.technologyNodeNm, cost.readVoltageV, cost.readPulseS, cost.writeEnergyPerPulseJ, cost.writePulseS]) {
        expect(Number.isFinite(value) && value > 0).toBe(true)
      }
      expect(cost.source.trim().length).toBeGreaterThan(0)
    })

    it('serialises its options', () => {
      checkSerialisable(options.create())
    })

    if (options.registration !== undefined) {
      const registration = options.registration
      it('rejects bad options with the key path', async () => {
        await checkOptionsSchema(registration, options.validOptions ?? {}, options.invalidOptions ?? [])
      })
    }
  })
}
