import { spawnSync } from 'node:child_process'

/** NumPy's float32 `W @ X` timing for one shape, or why it could not be measured. @since 0.1.0 */
export type NumpyGemmTiming = { readonly seconds: number; readonly gflops: number; readonly version: string } | { readonly error: string }

// Median of timed calls after two warm-up calls: W (n×n) @ X (n×batch), float32, as the CrossSim
// benchmark's "× NumPy" baseline (anchor-crosssim.md §8.1).
const script = `
import json, sys, time
import numpy as np
n, batch, target = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
rng = np.random.default_rng(1)
w = rng.standard_normal((n, n), dtype=np.float32)
x = rng.uniform(-1, 1, (n, batch)).astype(np.float32)
out = np.empty((n, batch), dtype=np.float32)
def call():
    start = time.perf_counter(); np.matmul(w, x, out=out); return time.perf_counter() - start
first = max(call(), call())
times = sorted(call() for _ in range(max(5, min(10000, int(target / max(first, 1e-6)) + 1))))
seconds = times[len(times) // 2]
print(json.dumps({"seconds": seconds, "gflops": 2 * n * n * batch / seconds / 1e9, "version": np.__version__}))
`

/**
 * Times NumPy's float32 GEMM of an n×n matrix and n×batch vectors in a python3 child process
 * (median of about `targetSeconds` of calls). Returns `{ error }` when python3 or NumPy is missing.
 * @example numpyGemm(256, 64, 0.2) // returns { seconds: ~1e-4, gflops: ~80, version: '2.4.6' } where NumPy is installed
 * @since 0.1.0
 */
export function numpyGemm(n: number, batch: number, targetSeconds: number): NumpyGemmTiming {
  const result = spawnSync('python3', ['-c', script, String(n), String(batch), String(targetSeconds)], { encoding: 'utf8' })
  if (result.error !== undefined) return { error: result.error.message }
  if (result.status !== 0) return { error: result.stderr.trim().split('\n').at(-1) ?? 'python3 failed' }
  const parsed = JSON.parse(result.stdout) as { seconds: number; gflops: number; version: string }
  return { seconds: parsed.seconds, gflops: parsed.gflops, version: parsed.version }
}
