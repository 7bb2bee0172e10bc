import type { ComputeBackendV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'

/** One GEMM configuration of the conformance suite. @since 0.1.0 */
export interface GemmCase {
  readonly m: number
  readonly n: number
  readonly k: number
  readonly alpha: number
  readonly beta: number
  readonly transposeA: boolean
  readonly transposeB: boolean
}

/** Unit roundoff of float32 (2^-24). */
const unitRoundoff = 2 ** -24
/** Floats of padding around each operand: views with odd offsets, and sentinels that must survive. */
const padding = 3
const sentinel = 12345.5

/**
 * Per-element bound on |fast − reference| for C ← α·op(A)·op(B) + β·C0: any float32 summation
 * order (with or without FMA) of k products errs by at most γ_k·Σ|a||b| with γ_k = k·u/(1 − k·u)
 * (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., eq. 3.5), plus a few
 * roundings for α, β and the final add; the reference's float64 accumulation rounded once to
 * float32 adds u·|reference|. Both sides are bounded by (k + 4)·u·1.01·(|α|·S + |β|·|C0|) + 2u·|ref|.
 * @since 0.1.0
 */
export function gemmErrorBound(testCase: GemmCase, a: Float32Array, b: Float32Array, initialC: Float32Array, reference: Float32Array): Float64Array {
  const { m, n, k, alpha, beta, transposeA, transposeB } = testCase
  const gamma = (k + 4) * unitRoundoff * 1.01
  const bound = new Float64Array(m * n)
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0
      for (let p = 0; p < k; p++) sum += Math.abs(transposeA ? a[p * m + i]! : a[i * k + p]!) * Math.abs(transposeB ? b[j * k + p]! : b[p * n + j]!)
      const previous = beta === 0 ? 0 : Math.abs(beta * initialC[i * n + j]!)
      bound[i * n + j] = gamma * (Math.abs(alpha) * sum + previous) + 2 * unitRoundoff * Math.abs(reference[i * n + j]!) + 1e-30
    }
  }
  return bound
}

function paddedNormal(length: number, offset: number, random: ReturnType<typeof createRandomSource>): Float32Array {
  const storage = new Float32Array(length + offset + padding).fill(sentinel)
  const view = storage.subarray(offset, offset + length)
  random.fillNormal(view)
  return view
}

// The oracle's result and bound depend only on (oracle, case, seed): computed once per process
// and shared by the several backends a test file checks (the TypeScript oracle dominates run time).
const oracleCache = new Map<string, { readonly expected: Float32Array; readonly bound: Float64Array }>()

function oracleResult(oracle: ComputeBackendV1, testCase: GemmCase, seed: number, a: Float32Array, b: Float32Array, initialC: Float32Array): { readonly expected: Float32Array; readonly bound: Float64Array } {
  const key = `${oracle.name} ${seed} ${JSON.stringify(testCase)}`
  let entry = oracleCache.get(key)
  if (entry === undefined) {
    const expected = initialC.slice()
    oracle.gemm({ ...testCase, a, b, c: expected })
    entry = { expected, bound: gemmErrorBound(testCase, a, b, initialC, expected) }
    oracleCache.set(key, entry)
  }
  return entry
}

/**
 * Runs one GEMM case on `backend` and on `oracle` with the same standard-normal operands (views
 * at odd offsets into larger buffers; C0 all NaN when β = 0, which must be overwritten). Returns
 * null if every element is within `gemmErrorBound`, the inputs are untouched and nothing outside
 * C was written; otherwise a description of the first problem. With `prepared`, B goes through
 * the backend's `prepareMatrix` and `gemmPrepared` (which must then exist).
 * @since 0.1.0
 */
export function checkGemmAgainstOracle(backend: ComputeBackendV1, oracle: ComputeBackendV1, testCase: GemmCase, seed = 7, options: { readonly prepared?: boolean } = {}): string | null {
  const { m, n, k } = testCase
  const random = createRandomSource(seed)
  const a = paddedNormal(m * k, 1, random)
  const b = paddedNormal(k * n, 2, random)
  const c = paddedNormal(m * n, 3, random)
  if (testCase.beta === 0) c.fill(Number.NaN)
  const [aCopy, bCopy] = [a.slice(), b.slice()]
  const { expected, bound } = oracleResult(oracle, testCase, seed, aCopy, bCopy, c.slice())
  if (options.prepared === true) {
    const { m: rows, n: columns, k: depth, alpha, beta, transposeA, transposeB } = testCase
    const prepared = backend.prepareMatrix!(b, depth, columns, { transposeB })
    // The prepared operand is a copy: changing B afterwards must not change the product.
    const original = b.slice()
    b.fill(Number.NaN)
    backend.gemmPrepared!({ m: rows, a, b: prepared, c, alpha, beta, transposeA })
    b.set(original)
  } else {
    backend.gemm({ ...testCase, a, b, c })
  }
  for (let index = 0; index < m * n; index++) {
    const error = Math.abs(c[index]! - expected[index]!)
    if (!(error <= bound[index]!)) return `C[${Math.floor(index / n)}][${index % n}] = ${c[index]} vs oracle ${expected[index]} (bound ${bound[index]!.toExponential(2)})`
  }
  if (a.some((value, index) => !Object.is(value, aCopy[index])) || b.some((value, index) => !Object.is(value, bCopy[index]))) return 'modified an input operand'
  const storage = new Float32Array(c.buffer, 0, c.buffer.byteLength / 4)
  for (let index = 0; index < storage.length; index++) {
    const inside = index >= c.byteOffset / 4 && index < c.byteOffset / 4 + m * n
    if (!inside && storage[index] !== sentinel) return `wrote outside C at float ${index - c.byteOffset / 4} of the view`
  }
  return null
}
