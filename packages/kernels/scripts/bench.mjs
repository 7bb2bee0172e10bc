// `pnpm --filter @cimkit/kernels bench [--n 256,1024] [--batch 64]`: GFLOP/s of every backend that
// loads here on (n×n)·(n×batch) float32 GEMMs, and — when python3 with NumPy is installed — NumPy's
// float32 GEMM on the same shapes in the same run, with each backend's ratio to it.
// Runs the built package (the `bench` script builds it first with turbo).
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { benchmarkGemm, listBackends, selectBackend } from '../dist/index.js'

const { values } = parseArgs({ options: { n: { type: 'string', default: '256,1024' }, batch: { type: 'string', default: '64' }, seconds: { type: 'string', default: '0.5' }, rounds: { type: 'string', default: '3' } } })
const sizes = values.n.split(',').map(Number)
const batch = Number(values.batch)
const targetSeconds = Number(values.seconds)
// NOTE: on a shared machine other processes come and go; measuring every backend and NumPy in
// turn, several rounds, and keeping each one's best round compares them under similar load.
const rounds = Number(values.rounds)

// Median of timed calls after warm-up, like benchmarkGemm; float32 operands, C = A @ B.
const numpyScript = `
import json, sys, time
import numpy as np
n, batch, target = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
rng = np.random.default_rng(1)
a = rng.standard_normal((n, n), dtype=np.float32)
b = rng.standard_normal((n, batch), dtype=np.float32)
c = np.empty((n, batch), dtype=np.float32)
def call():
    start = time.perf_counter(); np.matmul(a, b, out=c); return time.perf_counter() - start
first = max(call(), call())
times = sorted(call() for _ in range(max(3, min(10000, int(target / max(first, 1e-6)) + 1))))
seconds = times[len(times) // 2] if len(times) % 2 else (times[len(times) // 2 - 1] + times[len(times) // 2]) / 2
print(json.dumps({"seconds": seconds, "gflops": 2 * n * n * batch / seconds / 1e9, "numpy": np.__version__}))
`

function numpyGemm(n) {
  const result = spawnSync('python3', ['-c', numpyScript, String(n), String(batch), String(targetSeconds)], { encoding: 'utf8' })
  if (result.error || result.status !== 0) return { error: (result.error?.message ?? result.stderr.trim().split('\n').at(-1)) || 'python3 failed' }
  return JSON.parse(result.stdout)
}

const available = listBackends()
console.log(`backends: ${available.map((entry) => `${entry.name} ${entry.available ? `(${entry.detail})` : 'unavailable'}`).join(', ')}; auto → ${selectBackend('auto', {}).name}`)
const rows = []
const numpyVersion = { value: undefined }
for (const n of sizes) {
  const best = new Map()
  const keep = (name, gflops, seconds) => {
    if (!best.has(name) || best.get(name).gflops < gflops) best.set(name, { gflops, seconds })
  }
  let numpyError
  for (let round = 0; round < rounds; round++) {
    const numpy = numpyGemm(n)
    if ('gflops' in numpy) {
      numpyVersion.value = numpy.numpy
      keep('numpy', numpy.gflops, numpy.seconds)
    } else numpyError = numpy.error
    for (const entry of available.filter((candidate) => candidate.available)) {
      // The reference takes ~0.5 s per call at n = 1024: one round is enough to show the gap.
      if (entry.name === 'reference' && round > 0) continue
      const result = benchmarkGemm({ n, batch, backend: selectBackend(entry.name, {}), targetSeconds: entry.name === 'reference' ? 0.2 : targetSeconds })
      keep(result.backend, result.gflops, result.seconds)
    }
  }
  const numpy = best.get('numpy')
  for (const [name, { gflops, seconds }] of best) {
    rows.push({
      shape: `${n}×${n} · ${n}×${batch}`,
      backend: name === 'numpy' ? `numpy ${numpyVersion.value}` : name,
      GFLOPs: gflops.toFixed(2),
      ms: (seconds * 1e3).toFixed(3),
      'vs NumPy': numpy === undefined ? '—' : `${((100 * gflops) / numpy.gflops).toFixed(0)} %`,
    })
  }
  if (numpy === undefined) console.log(`NumPy not measured for n=${n}: ${numpyError} (Debian: apt-get install -y python3-numpy)`)
}
console.log(`best of ${rounds} rounds per backend (each round: median of ~${targetSeconds} s of calls); GFLOP/s = 2·n²·batch / time`)
console.table(rows)
