import type { ComputeBackendV1 } from '@cimkit/core'
import { NetworkError } from '../errors/network-error.js'

/**
 * One weight matrix of an array-mapped layer, as handed to a {@link MatmulProvider}. Bias is not
 * part of the matrix: the executor adds it digitally after the product.
 * @since 0.1.0
 */
export interface MatmulRequest {
  /** Name of the network node the matrix belongs to. */
  readonly layerName: string
  readonly kind: 'dense' | 'conv2d' | 'splitDense'
  /** Conv group or input-split group index (0 for a plain layer). */
  readonly group: number
  /** Number of matrices the node is split into (conv groups or input-split groups). */
  readonly groups: number
  /** rows×columns, row-major; rows = inputs (word lines), columns = outputs (bit lines). May be the layer's own array: read, never modify. */
  readonly weights: Float32Array
  readonly rows: number
  readonly columns: number
}

/**
 * Computes batch×rows inputs times the prepared matrix, returning batch×columns (a fresh array or
 * one the provider reuses until the next call).
 * @since 0.1.0
 */
export type MatmulFunction = (inputs: Float32Array, batch: number) => Float32Array

/**
 * The hook through which every matrix product of the executor goes: float GEMM for the baseline,
 * an engine's programmed `AnalogMatrix` (`(x, b) => matrix.mvm(x, b)`) for simulated hardware.
 * `prepare` is called once per matrix when an executor is built (programming happens there).
 * @since 0.1.0
 */
export interface MatmulProvider {
  prepare(request: MatmulRequest): MatmulFunction
}

/**
 * Exact float32 products through a compute backend's GEMM: the software baseline.
 * @since 0.1.0
 */
export function createFloatMatmulProvider(backend: ComputeBackendV1): MatmulProvider {
  return {
    prepare({ weights, rows, columns }) {
      return (inputs, batch) => {
        const output = new Float32Array(batch * columns)
        backend.gemm({ m: batch, n: columns, k: rows, a: inputs, b: weights, c: output })
        return output
      }
    },
  }
}

/**
 * Checks that a matmul function returned batch×columns values (a wrong provider must fail loudly,
 * not turn into zeros).
 * @since 0.1.0
 */
export function checkProduct(product: Float32Array, batch: number, columns: number): Float32Array {
  if (product.length !== batch * columns) {
    throw new NetworkError(null, `matmul provider returned ${product.length} values, expected batch ${batch} × ${columns} columns`)
  }
  return product
}
