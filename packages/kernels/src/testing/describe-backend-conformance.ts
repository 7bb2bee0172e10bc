import type { ComputeBackendV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { referenceBackend } from '../reference/reference-backend.js'
import { gemmCasesForShape, gemmShapes, im2colCases, quantizeCases } from './backend-test-cases.js'
import { convertAccumulateCases } from './convert-accumulate-cases.js'
import { encodeUniformCases } from './encode-uniform-cases.js'
import { checkGemmAgainstOracle } from './gemm-oracle-check.js'

/** @since 0.1.0 */
export interface BackendConformanceOptions {
  /** The backend whose results are the truth (default: the TypeScript reference). */
  readonly oracle?: ComputeBackendV1
}

/** True when both are NaN or they are the same number (+0 and −0 differ). */
function sameValue(actual: number, expected: number): boolean {
  return Object.is(actual, expected) || (Number.isNaN(actual) && Number.isNaN(expected))
}

function firstDifference(actual: Float32Array, expected: Float32Array): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} vs ${expected.length}`
  for (let index = 0; index < expected.length; index++) {
    if (!sameValue(actual[index]!, expected[index]!)) return `element ${index}: ${actual[index]} vs ${expected[index]}`
  }
  return null
}

/**
 * The kernel suite every compute backend runs against itself (tfjs-style, STYLE.md R32), with the
 * reference backend as the oracle: GEMM within the float32 error bound for every transpose,
 * α/β and blocking edge (`gemmCases`), im2col and quantize bit-identical, argument checks.
 * `createBackend` runs in `beforeAll`, so a backend that cannot load fails its tests, not the file.
 * @example describeBackendConformance('wasm-simd', () => createWasmBackend())
 * @since 0.1.0
 */
export function describeBackendConformance(label: string, createBackend: () => ComputeBackendV1, options: BackendConformanceOptions = {}): void {
  const oracle = options.oracle ?? referenceBackend
  describe(`compute backend conformance: ${label}`, () => {
    let backend: ComputeBackendV1
    beforeAll(() => {
      backend = createBackend()
    })

    it('declares spec v1 and a name', () => {
      expect(backend.specificationVersion).toBe('v1')
      expect(backend.name).toMatch(/^[a-z0-9][a-z0-9-]*$/)
    })

    for (const [m, n, k] of gemmShapes) {
      it(`gemm ${m}×${k} · ${k}×${n} equals the oracle within the float32 error bound, every transpose and α/β`, () => {
        const problems: string[] = []
        for (const testCase of gemmCasesForShape(m, n, k)) {
          const problem = checkGemmAgainstOracle(backend, oracle, testCase)
          if (problem !== null) problems.push(`${JSON.stringify(testCase)}: ${problem}`)
        }
        expect(problems.slice(0, 5)).toEqual([])
      })
    }

    for (const [m, n, k] of gemmShapes) {
      it(`gemmPrepared ${m}×${k} · ${k}×${n} equals the oracle within the float32 error bound, every transpose and α/β`, () => {
        if (backend.prepareMatrix === undefined || backend.gemmPrepared === undefined) {
          expect(backend.prepareMatrix, 'prepareMatrix and gemmPrepared come together').toBe(backend.gemmPrepared)
          return
        }
        const problems: string[] = []
        for (const testCase of gemmCasesForShape(m, n, k)) {
          const problem = checkGemmAgainstOracle(backend, oracle, testCase, 7, { prepared: true })
          if (problem !== null) problems.push(`${JSON.stringify(testCase)}: ${problem}`)
        }
        expect(problems.slice(0, 5)).toEqual([])
      })
    }

    it('gemmPrepared rejects an operand another backend prepared, and buffers smaller than the shape', () => {
      if (backend.prepareMatrix === undefined || backend.gemmPrepared === undefined) return
      const foreign = Object.freeze({ backend: 'elsewhere', k: 2, n: 2, bytes: 16 })
      expect(() => backend.gemmPrepared!({ m: 2, a: new Float32Array(4), b: foreign, c: new Float32Array(4) })).toThrow(/prepared/)
      const prepared = backend.prepareMatrix(new Float32Array(4), 2, 2)
      expect(prepared).toMatchObject({ backend: backend.name, k: 2, n: 2 })
      expect(() => backend.gemmPrepared!({ m: 2, a: new Float32Array(3), b: prepared, c: new Float32Array(4) })).toThrow(/too small/)
      expect(() => backend.gemmPrepared!({ m: 2, a: new Float32Array(4), b: prepared, c: new Float32Array(3) })).toThrow(/too small/)
      expect(() => backend.prepareMatrix!(new Float32Array(3), 2, 2)).toThrow(/too small/)
    })

    it('gemm is deterministic: the same call twice gives identical bits', () => {
      const [m, n, k] = [300, 70, 200]
      const random = createRandomSource(3)
      const a = new Float32Array(m * k)
      const b = new Float32Array(k * n)
      random.fillNormal(a)
      random.fillNormal(b)
      const first = new Float32Array(m * n)
      const second = new Float32Array(m * n)
      backend.gemm({ m, n, k, a, b, c: first })
      backend.gemm({ m, n, k, a, b, c: second })
      expect(firstDifference(second, first)).toBeNull()
    })

    it('gemm rejects buffers smaller than the shape and non-integer sizes', () => {
      expect(() => backend.gemm({ m: 2, n: 2, k: 2, a: new Float32Array(3), b: new Float32Array(4), c: new Float32Array(4) })).toThrow(/too small/)
      expect(() => backend.gemm({ m: 2, n: 2, k: 2, a: new Float32Array(4), b: new Float32Array(4), c: new Float32Array(3) })).toThrow(/too small/)
      expect(() => backend.gemm({ m: 1.5, n: 1, k: 1, a: new Float32Array(4), b: new Float32Array(4), c: new Float32Array(4) })).toThrow()
    })

    it('im2col is bit-identical to the oracle (strides, dilation, asymmetric and oversized padding), also after a larger call', () => {
      const random = createRandomSource(5)
      for (const geometry of im2colCases) {
        const input = new Float32Array(geometry.batch * geometry.channels * geometry.height * geometry.width)
        random.fillNormal(input)
        const problem = firstDifference(backend.im2col({ ...geometry, input }), oracle.im2col({ ...geometry, input }))
        expect(problem, JSON.stringify(geometry)).toBeNull()
      }
    })

    for (const { label: caseLabel, values, step, min, max } of quantizeCases) {
      it(`quantize is bit-identical to the oracle: ${caseLabel}`, () => {
        const input = Float32Array.from(values)
        const expected = new Float32Array(input.length)
        oracle.quantize(input, step, min, max, expected)
        const actual = new Float32Array(input.length)
        backend.quantize(input, step, min, max, actual)
        expect(firstDifference(actual, expected)).toBeNull()
      })
    }

    for (const testCase of convertAccumulateCases) {
      it(`convertAccumulate is bit-identical to the oracle: ${testCase.label}`, () => {
        if (backend.convertAccumulate === undefined) return
        const expected = testCase.create(createRandomSource(5))
        const actual = testCase.create(createRandomSource(5))
        oracle.convertAccumulate!(expected)
        backend.convertAccumulate(actual)
        const difference = Array.from(actual.output).findIndex((value, index) => !sameValue(value, expected.output[index]!))
        expect(difference, difference < 0 ? '' : `output ${difference}: ${actual.output[difference]} vs ${expected.output[difference]}`).toBe(-1)
      })
    }

    for (const testCase of encodeUniformCases) {
      it(`encodeUniform is bit-identical to the oracle: ${testCase.label}`, () => {
        if (backend.encodeUniform === undefined) return
        const expected = testCase.create(createRandomSource(9))
        const actual = testCase.create(createRandomSource(9))
        const expectedNegative = oracle.encodeUniform!(expected)
        expect(backend.encodeUniform(actual)).toBe(expectedNegative)
        expect(firstDifference(actual.planes, expected.planes)).toBeNull()
      })
    }

    it('encodeUniform rejects planes shorter than the inputs and a non-positive input scale', () => {
      if (backend.encodeUniform === undefined) return
      const params = encodeUniformCases[0]!.create(createRandomSource(9))
      expect(() => backend.encodeUniform!({ ...params, planes: new Float32Array(params.inputs.length - 1) })).toThrow(/planes/)
      expect(() => backend.encodeUniform!({ ...params, inputScale: 0 })).toThrow(/inputScale/)
    })

    it('scaleInto is bit-identical to the oracle: float32 rounding ties, overflow, underflow, NaN, ±0, 70 000 values', () => {
      if (backend.scaleInto === undefined) return
      const random = createRandomSource(13)
      const values = new Float64Array(70001)
      random.fillNormal(values)
      const specials = [0, -0, Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, 3.4028235677973366e38, 1e-45, 1.4e-45, 7e-46, 1 + 2 ** -24, 1 + 3 * 2 ** -24, 5e-324]
      for (let index = 0; index < values.length; index += 17) values[index] = specials[(index / 17) % specials.length]! * (index % 2 === 0 ? 1 : 3.7)
      for (const factor of [1, 0.0123, -2.5, 1e30]) {
        const expected = new Float32Array(values.length + 2).fill(7)
        const actual = new Float32Array(values.length + 2).fill(7)
        oracle.scaleInto!(values, factor, expected)
        backend.scaleInto(values, factor, actual)
        expect(firstDifference(actual, expected), `factor ${factor}`).toBeNull()
      }
      expect(() => backend.scaleInto!(values, 1, new Float32Array(3))).toThrow(/out/)
    })

    for (const testCase of convertAccumulateCases) {
      it(`convertScaleInto is bit-identical to the oracle: ${testCase.label}`, () => {
        if (backend.convertScaleInto === undefined) return
        const run = (target: ComputeBackendV1): Float32Array => {
          const { output: _output, outputColumns, outputStart, ...params } = testCase.create(createRandomSource(5))
          const result = new Float32Array(params.batch * outputColumns + 3).fill(9)
          target.convertScaleInto!({ ...params, scale: 0.37, result, resultColumns: outputColumns, resultStart: outputStart })
          return result
        }
        expect(firstDifference(run(backend), run(oracle))).toBeNull()
      })
    }

    it('convertAccumulate rejects buffers smaller than the shape', () => {
      if (backend.convertAccumulate === undefined) return
      const params = convertAccumulateCases[0]!.create(createRandomSource(5))
      expect(() => backend.convertAccumulate!({ ...params, values: params.values.subarray(0, params.values.length - params.stride) })).toThrow(/values/)
      expect(() => backend.convertAccumulate!({ ...params, rowSums: params.rowSums.subarray(1) })).toThrow(/rowSums/)
    })

    it('quantize is bit-identical on 20 000 normal values for several steps, and in place', () => {
      const random = createRandomSource(11)
      const values = new Float32Array(20_000)
      random.fillNormal(values)
      for (const [step, limit] of [[0.1, 2], [0.37, 3], [1 / 64, 1], [2, 100]] as const) {
        const expected = new Float32Array(values.length)
        oracle.quantize(values, step, -limit, limit, expected)
        const inPlace = values.slice()
        backend.quantize(inPlace, step, -limit, limit, inPlace)
        expect(firstDifference(inPlace, expected), `step ${step}`).toBeNull()
      }
    })
  })
}
