import type { ComputeBackendV1 } from '@cimkit/core'
import { createRandomSource, InvalidArgumentError } from '@cimkit/core'

/** @since 0.1.0 */
export interface GemmBenchmarkOptions {
  /** Rows and depth of the square matrix: the GEMM is (n×n) · (n×batch). */
  readonly n: number
  /** Columns of the right-hand matrix (vectors per batch). */
  readonly batch: number
  readonly backend: ComputeBackendV1
  /** Timed calls; default: as many as fit in about `targetSeconds` (at least 3). */
  readonly repeats?: number
  /** Seconds of timed calls to aim for when `repeats` is not given (default 0.5). */
  readonly targetSeconds?: number
  /** Seed of the operands (standard normal). */
  readonly seed?: number
}

/** @since 0.1.0 */
export interface GemmBenchmarkResult {
  readonly backend: string
  readonly n: number
  readonly batch: number
  readonly repeats: number
  /** Median wall-clock seconds of one call. */
  readonly seconds: number
  /** 2·n²·batch floating-point operations over the median time, in 1e9 per second. */
  readonly gflops: number
}

/**
 * Times `backend.gemm` on the shape the engine's crossbar MVM has, (n×n) · (n×batch) in float32,
 * after two warm-up calls (JIT, page faults, thread start). Reports the median of the timed calls,
 * which a busy shared machine disturbs less than the mean.
 * @example benchmarkGemm({ n: 256, batch: 64, backend: referenceBackend, repeats: 3 }).gflops // returns ~1
 * @since 0.1.0
 */
export function benchmarkGemm({ n, batch, backend, repeats, targetSeconds = 0.5, seed = 1 }: GemmBenchmarkOptions): GemmBenchmarkResult {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(batch) || batch < 1) throw new InvalidArgumentError('benchmarkGemm', `n and batch must be positive integers, got ${n} and ${batch}`)
  const random = createRandomSource(seed)
  const a = new Float32Array(n * n)
  const b = new Float32Array(n * batch)
  const c = new Float32Array(n * batch)
  random.fillNormal(a)
  random.fillNormal(b)
  const call = (): number => {
    const start = performance.now()
    backend.gemm({ m: n, n: batch, k: n, a, b, c })
    return (performance.now() - start) / 1000
  }
  const first = Math.max(call(), call())
  const count = repeats ?? Math.max(3, Math.min(10_000, Math.ceil(targetSeconds / Math.max(first, 1e-6))))
  const times = Array.from({ length: count }, call).sort((x, y) => x - y)
  const seconds = times.length % 2 === 1 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2
  return { backend: backend.name, n, batch, repeats: count, seconds, gflops: (2 * n * n * batch) / seconds / 1e9 }
}
