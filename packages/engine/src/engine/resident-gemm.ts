import type { ComputeBackendV1, PreparedMatrixV1 } from '@cimkit/core'

/** Per backend, the prepared form of each kept operand (both weakly held: dropped with the matrix). */
const prepared = new WeakMap<ComputeBackendV1, WeakMap<Float32Array, PreparedMatrixV1>>()

/**
 * C = A·B + beta·C (m×k times k×n) for a B the engine keeps and reads on every call: a slice's effective
 * conductances, their noise variances, a wire network's transfer matrix. Where the backend can
 * (`prepareMatrix`), B is brought into its GEMM layout once and reused, so a read does not repack
 * the weights (for a batch of 64 vectors, packing costs about a third of the arithmetic). The
 * engine never writes into these arrays once built (a change of state, such as drift or read
 * disturb, builds new ones), so the array identifies its content.
 * @since 0.2.0
 */
export function residentGemm(backend: ComputeBackendV1, m: number, n: number, k: number, a: Float32Array, b: Float32Array, c: Float32Array, beta = 0): void {
  if (backend.prepareMatrix === undefined || backend.gemmPrepared === undefined) {
    backend.gemm({ m, n, k, a, b, c, beta })
    return
  }
  let forBackend = prepared.get(backend)
  if (forBackend === undefined) prepared.set(backend, (forBackend = new WeakMap()))
  let operand = forBackend.get(b)
  if (operand === undefined || operand.k !== k || operand.n !== n) forBackend.set(b, (operand = backend.prepareMatrix(b, k, n)))
  backend.gemmPrepared({ m, a, b: operand, c, beta })
}
