import type { DeviceModelV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { programAnalogMatrix } from '../engine/program-analog-matrix.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { cellLevels } from './cell-levels.js'

/** The 4-level device double with its levels replaced (e.g. a measured, nonuniform device). */
function withLevels(levelsS: number[]): DeviceModelV1 {
  const base = new IdealLevelsDevice({ minS: levelsS[0]!, maxS: levelsS.at(-1)!, levels: levelsS.length })
  return Object.assign(Object.create(Object.getPrototypeOf(base) as object) as DeviceModelV1, base, { levelsS })
}

describe('digits on device levels', () => {
  it('spreads 2^b targets uniformly on an analog device', () => {
    const levels = cellLevels(new IdealLevelsDevice({ minS: 1e-6, maxS: 4e-6, levels: null }), 2)
    expect(Array.from(levels.targetsS)).toEqual([1e-6, 2e-6, 3e-6, 4e-6])
    expect(levels.stepS).toBeCloseTo(1e-6, 18)
    expect(levels.offsetDigits).toBeCloseTo(1, 12)
  })

  it('uses a device’s own 2^b levels, snaps uniform targets to the nearest of more levels, refuses fewer', () => {
    expect(Array.from(cellLevels(withLevels([1e-6, 2e-6, 4e-6, 8e-6]), 2).targetsS)).toEqual([1e-6, 2e-6, 4e-6, 8e-6])
    const eight = [1, 2, 3, 4, 5, 6, 7, 8].map((level) => level * 1e-6)
    expect(Array.from(cellLevels(withLevels(eight), 2).targetsS).map((value) => Math.round(value * 1e6))).toEqual([1, 3, 6, 8])
    expect(() => cellLevels(withLevels([1e-6, 2e-6]), 2)).toThrow(/fewer/)
  })

  it('a nonuniform device bends the product the way its levels say (decoded with the nominal step)', () => {
    // Levels 1, 2, 4, 8 µS: digits 0..3 read as (G − G0)/ΔG = 0, 1/7·3, 3/7·3, 3 with ΔG = 7/3 µS.
    const organization = { rows: 4, columns: 8, weightBits: 3, bitsPerCell: 2, inputBits: 8, weightMapping: 'differential', conversion: 'per-input-bit' as const, columnsPerConverter: 1 }
    const matrix = programAnalogMatrix(Float32Array.of(1, 2, 3, -2), 4, 1, {
      organization,
      device: withLevels([1e-6, 2e-6, 4e-6, 8e-6]),
      inputEncoder: null,
      outputConverter: null,
      backend: referenceBackend,
      random: createRandomSource(1),
      inputRange: 1,
    })
    const [one, two] = [3 / 7, 9 / 7]
    expect(matrix.mvm(Float32Array.of(1, 1, 1, 1), 1)[0]).toBeCloseTo(one + two + 3 - two, 5)
  })
})
