// `pnpm --filter @cimkit/engine bench [--json] [--vs-numpy] [--backend auto|native|wasm-simd|reference]
// [--seconds 1] [--cases prog-dac8-adc8:1024,wire-resistance:256]`: the CrossSim benchmark cases of
// TARGETS.md §3 timed on this machine (runEngineBenchmark), with CrossSim 3.2's figures on the same
// machine kind (anchor-crosssim.md §8.2) and the goals beside them. Runs the built package (the
// `bench` script builds it first). CIMKIT_BACKEND overrides --backend, as everywhere.
import { parseArgs } from 'node:util'
import { selectBackend } from '@cimkit/kernels'
import { createRandomSource } from '@cimkit/core'
import { crossSimReference, runEngineBenchmark, solveCrossbarBatch } from '../dist/index.js'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'vs-numpy': { type: 'boolean', default: false },
    backend: { type: 'string', default: 'auto' },
    seconds: { type: 'string', default: '1' },
    cases: { type: 'string' },
    'ir-convergence': { type: 'boolean', default: false },
  },
})
const cases = values.cases?.split(',').map((entry) => {
  const [id, n] = entry.split(':')
  return { id, n: Number(n ?? 1024), batch: 64 }
})
const backend = selectBackend(values.backend)
const result = runEngineBenchmark({ backend, vsNumpy: values['vs-numpy'], targetSeconds: Number(values.seconds), ...(cases ? { cases } : {}) })
if (values.json) {
  console.log(JSON.stringify(result, null, 2))
} else {
  console.log(`backend ${backend.name}${result.numpy ? `; ${result.numpy}` : ''}; batch 64; MVM/s over the median call, mean MVM/s over all calls incl. one-time work (programming excluded)`)
  console.table(
    result.cases.map((entry) => {
      const reference = crossSimReference[`${entry.id}@${entry.n}`]
      return {
        case: entry.id,
        N: entry.n,
        'MVM/s': Math.round(entry.mvmPerS),
        'mean MVM/s': Math.round(entry.meanMvmPerS),
        'GMAC/s': entry.gmacPerS.toFixed(2),
        '× NumPy': entry.xNumpy?.toFixed(1) ?? '—',
        'rel. error': `${(100 * entry.relativeError).toFixed(2)} %`,
        'peak RSS MiB': Math.round(entry.peakMemoryBytes / 2 ** 20),
        'program+calibrate s': entry.programS.toFixed(2),
        'first call s': entry.firstCallS.toFixed(3),
        'CrossSim MVM/s': reference?.mvmPerS ?? '—',
        '÷ CrossSim': reference ? `${(entry.mvmPerS / reference.mvmPerS).toFixed(1)}×` : '—',
        goal: reference ? `≥ ${reference.goal}×` : '—',
      }
    }),
  )
  console.table(result.gemm.map((entry) => ({ GEMM: `${entry.batch}×${entry.n} · ${entry.n}×${entry.n}`, GFLOPs: entry.gflops.toFixed(1), 'NumPy GFLOPs': entry.numpyGflops?.toFixed(1) ?? '—', '× NumPy': entry.xNumpy?.toFixed(2) ?? '—' })))
}

if (values['ir-convergence']) {
  // Where CrossSim's relaxation diverged (anchor-crosssim.md §8.2): a 1024×1024 array of
  // 10 kΩ–1 MΩ cells with 1 Ω per wire segment, one drive vector of 0–0.2 V.
  const size = 1024
  const random = createRandomSource(1)
  const conductanceS = new Float32Array(size * size)
  random.fillUniform(conductanceS, 1e-6, 1e-4)
  const driveV = new Float64Array(size)
  random.fillUniform(driveV, 0, 0.2)
  const start = performance.now()
  const solved = solveCrossbarBatch(conductanceS, size, size, driveV, 1, 1, 1e-9)
  console.log(`IR drop 1024×1024, 1 Ω per segment: ${solved.iterations} CG iterations, relative residual ${solved.relativeResidual.toExponential(2)}, ${((performance.now() - start) / 1000).toFixed(1)} s`)
}
