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
