import type { ArrayOrganizationV1, ReliabilityMiddlewareV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { programAnalogMatrix } from './program-analog-matrix.js'

const organization: ArrayOrganizationV1 = { rows: 8, columns: 8, weightBits: 8, bitsPerCell: 7, inputBits: 8, weightMapping: 'differential', conversion: 'per-input-bit', columnsPerConverter: 1 }

function tracer(name: string, calls: string[], scale: number): ReliabilityMiddlewareV1 {
  return {
    specificationVersion: 'v1',
    type: name,
    transformWeights({ weights, layer }) {
      calls.push(`${name}:transform:${layer}`)
      return Float32Array.from(weights, (weight) => weight * scale)
    },
    wrapProgram(call) {
      calls.push(`${name}:program:${call.rows}x${call.columns}`)
      call.record('writeVerify', 'pulse', call.rows * call.columns)
      return call.doProgram(call.targetsS)
    },
    wrapMvm(call) {
      calls.push(`${name}:mvm:${call.batch}x${call.rows}->${call.columns}`)
      return call.doMvm(call.inputs)
    },
    toJSON: () => ({ type: name }),
  }
}

describe('reliability middleware around the engine', () => {
  it('applies transforms in order and wraps programming and every array read, outermost first', () => {
    const calls: string[] = []
    const weights = Float32Array.of(1, -1, 0.5, 0.25)
    const matrix = programAnalogMatrix(weights, 2, 2, {
      organization,
      device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null }),
      inputEncoder: null,
      outputConverter: null,
      middleware: [tracer('outer', calls, 2), tracer('inner', calls, 3)],
      backend: referenceBackend,
      random: createRandomSource(1),
      layerName: 'fc1',
      inputRange: 1,
    })
    const output = matrix.mvm(Float32Array.of(1, 0), 1)
    expect(calls).toEqual(['outer:transform:fc1', 'inner:transform:fc1', 'outer:program:2x4', 'inner:program:2x4', 'outer:mvm:1x2->2', 'inner:mvm:1x2->2'])
    // Transforms compose: the programmed weights are 6·W (to 8-bit resolution).
    expect(output[0]).toBeCloseTo(6, 1)
    expect(output[1]).toBeCloseTo(-6, 1)
    // Actions a technique records land in the matrix's activity.
    expect(matrix.activity()['writeVerify']).toEqual({ pulse: 16 })
  })
})

describe('host contracts of the reliability package: array identity, time hook, read disturb', () => {
  const weights = Float32Array.of(1, -1, 0.5, 0.25, -0.75, 1)
  const base = {
    organization: { ...organization, rows: 2, columns: 4 },
    inputEncoder: null,
    outputConverter: null,
    backend: referenceBackend,
    random: createRandomSource(2),
    inputRange: 1,
  }

  it('passes a stable arrayId per array and slice to wrapMvm', () => {
    const seen: string[] = []
    const spy: ReliabilityMiddlewareV1 = {
      specificationVersion: 'v1',
      type: 'spy',
      wrapMvm(call) {
        seen.push(String((call as { arrayId?: string }).arrayId))
        return call.doMvm(call.inputs)
      },
      toJSON: () => ({}),
    }
    const matrix = programAnalogMatrix(weights, 3, 2, { ...base, device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null }), middleware: [spy], layerName: 'fc' })
    matrix.mvm(Float32Array.of(1, 1, 1), 1)
    matrix.mvm(Float32Array.of(1, 1, 1), 1)
    // 3 rows on 2-row arrays: 2 row blocks; 2 outputs on 4 columns (pairs): 1 column block.
    expect(seen).toEqual(['fc/r0c0a0/s0', 'fc/r1c0a0/s0', 'fc/r0c0a0/s0', 'fc/r1c0a0/s0'])
  })

  it('evaluates the device at the age a time hook gives (refresh restarts drift)', () => {
    const device = new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null, driftExponent: 0.05 })
    const refreshed: ReliabilityMiddlewareV1 & { effectiveTimeS(t: number): number } = {
      specificationVersion: 'v1',
      type: 'refresh-double',
      effectiveTimeS: (timeS) => timeS % 100,
      toJSON: () => ({}),
    }
    const x = Float32Array.of(1, 0.5, 0.25)
    const fresh = programAnalogMatrix(weights, 3, 2, { ...base, device }).mvm(x, 1, { timeS: 1 })
    const aged = programAnalogMatrix(weights, 3, 2, { ...base, device }).mvm(x, 1, { timeS: 1e4 + 1 })
    const withRefresh = programAnalogMatrix(weights, 3, 2, { ...base, device, middleware: [refreshed] }).mvm(x, 1, { timeS: 1e4 + 1 })
    expect(aged[0]! / fresh[0]!).toBeCloseTo(Math.pow(1e4 + 1, -0.05), 5)
    expect(withRefresh[0]! / fresh[0]!).toBeCloseTo(1, 6)
  })

  it('applies read disturb after each read at the drive polarity: (1 − δ)^reads forward, (1 + δ)^reads reversed', () => {
    const delta = 0.01
    const matrix = programAnalogMatrix(weights, 3, 2, { ...base, device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null, readDisturbPerRead: delta }) })
    const x = new Float32Array(3 * 4).fill(0.5)
    const first = matrix.mvm(x, 4)
    const second = matrix.mvm(x, 4)
    // 4 forward reads of each array scale every conductance (and the G⁺ − G⁻ difference) by (1 − δ)^4.
    expect(second[0]! / first[0]!).toBeCloseTo(Math.pow(1 - delta, 4), 6)
    matrix.mvm(Float32Array.from(x, (value) => -value), 4)
    const fourth = matrix.mvm(x, 4)
    // The fourth read sees the disturb of the 8 forward and 4 reversed reads before it.
    expect(fourth[0]! / first[0]!).toBeCloseTo(Math.pow(1 - delta, 8) * Math.pow(1 + delta, 4), 6)
  })
})
