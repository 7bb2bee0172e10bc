import type { ComputeBackendV1 } from '@cimkit/core'
import { createRandomSource, InvalidArgumentError } from '@cimkit/core'
import { programAnalogMatrix } from '../engine/program-analog-matrix.js'
import { exactProduct, relativeError } from '../workload/relative-error.js'
import type { EngineBenchmarkCase, EngineBenchmarkCaseId } from './benchmark-cases.js'
import { benchmarkHardware, DEFAULT_ENGINE_BENCHMARK_CASES, engineBenchmarkOptionsSchema } from './benchmark-cases.js'
import type { NumpyGemmTiming } from './numpy-gemm.js'
import { numpyGemm } from './numpy-gemm.js'

/** Options of {@link runEngineBenchmark}. @since 0.1.0 */
export interface EngineBenchmarkOptions {
  /** Cases to time (default: the TARGETS.md §3 table, {@link DEFAULT_ENGINE_BENCHMARK_CASES}). */
  readonly cases?: readonly EngineBenchmarkCase[]
  readonly backend: ComputeBackendV1
  /** Also time NumPy's float32 GEMM of the same shapes in a python3 child (skipped if unavailable). */
  readonly vsNumpy?: boolean
  /** Seconds of timed calls per case and per GEMM (default 1; at least 3 calls). */
  readonly targetSeconds?: number
  /** Seed of the matrices, inputs and programming (default 1). */
  readonly seed?: number
}

/** One timed case. @since 0.1.0 */
export interface EngineBenchmarkCaseResult {
  readonly id: EngineBenchmarkCaseId
  readonly n: number
  readonly batch: number
  /** Vectors per second over the median `mvm` call of the fastest of five timing rounds, after three warm-up calls (programming and calibration excluded). */
  readonly mvmPerS: number
  /** n²·batch multiply-accumulates of the equivalent float product per median call, 1e9 per second. */
  readonly gmacPerS: number
  /** Vectors per second over every `mvm` call after calibration, including one-time work (e.g. building a wire network's transfer matrix). */
  readonly meanMvmPerS: number
  /** The first `mvm` call, seconds. */
  readonly firstCallS: number
  /** `mvm` calls made (three warm-up calls, then at least five timed for the median). */
  readonly calls: number
  /** Programming and calibration, seconds (not in mvmPerS). */
  readonly programS: number
  /** Highest resident set size sampled during the case, bytes (process-wide). */
  readonly peakMemoryBytes: number
  /** ‖Y − x·W‖_F / ‖x·W‖_F of the timed batch (CrossSim's rel_err). */
  readonly relativeError: number
  readonly backend: string
  /** Median call time ÷ NumPy's float32 W @ X of the same shape in the same run. */
  readonly xNumpy?: number
}

/** The float32 GEMM of a case's shape on the same backend. @since 0.1.0 */
export interface EngineBenchmarkGemmResult {
  readonly n: number
  readonly batch: number
  readonly gflops: number
  /** This GEMM's median time ÷ NumPy's. */
  readonly xNumpy?: number
  readonly numpyGflops?: number
}

/** @since 0.1.0 */
export interface EngineBenchmarkResult {
  readonly cases: readonly EngineBenchmarkCaseResult[]
  readonly gemm: readonly EngineBenchmarkGemmResult[]
  /** NumPy version, or why NumPy was not measured (only with `vsNumpy`). */
  readonly numpy?: string
}

/**
 * Timing rounds per case and per GEMM, the fastest round's median kept: a shared machine's load
 * comes and goes (bursts of other tenants' work last tenths of a second), and NumPy's baseline is
 * taken the same way (the same rounds, fastest kept), so every figure of a run is measured alike.
 */
const rounds = 5

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Seconds of each call of `call`: `warmup` calls, then calls until those after the warm-up
 * total about `targetSeconds` (at least `minimum` of them, at most 1000).
 */
function timeCalls(call: () => void, targetSeconds: number, minimum: number, warmup = 0, after?: () => void): number[] {
  const times: number[] = []
  let steady = 0
  while (times.length < warmup + minimum || (steady < targetSeconds && times.length < warmup + 1000)) {
    const start = performance.now()
    call()
    const seconds = (performance.now() - start) / 1000
    // Untimed: reading the resident set size is a system call and a parse.
    after?.()
    times.push(seconds)
    if (times.length > warmup) steady += seconds
  }
  return times
}

/**
 * Times the engine on the CrossSim benchmark cases of TARGETS.md §3 the way CrossSim's figures
 * were taken (anchor-crosssim.md §8.1): W ~ N(0, 1) float32 n×n, a batch of vectors uniform in
 * [−1, 1], programming and calibration excluded; each case's median `mvm` call gives MVM/s. Beside
 * them, a float32 GEMM of the same shape on the same backend and, with `vsNumpy`, NumPy's float32
 * `W @ X` timed in the same run, so each case is also a multiple of NumPy (the stable figure on a
 * shared machine). Memory is the process's resident set size sampled around every call.
 * @example const { cases } = runEngineBenchmark({ backend: selectBackend('auto'), vsNumpy: true })
 * @since 0.1.0
 */
export function runEngineBenchmark(options: EngineBenchmarkOptions): EngineBenchmarkResult {
  const { backend, ...rest } = options
  const parsed = engineBenchmarkOptionsSchema.safeParse(rest)
  if (!parsed.success) throw new InvalidArgumentError('benchmark options', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '))
  const { vsNumpy, targetSeconds, seed } = parsed.data
  const cases: readonly EngineBenchmarkCase[] = parsed.data.cases ?? DEFAULT_ENGINE_BENCHMARK_CASES
  const shapes = [...new Map(cases.map((entry) => [`${entry.n}x${entry.batch}`, { n: entry.n, batch: entry.batch }])).values()]
  const numpy = new Map<string, NumpyGemmTiming>()
  let numpyNote: string | undefined
  if (vsNumpy) {
    // NOTE: a shared machine's load comes and goes (and a multi-threaded BLAS suffers most from
    // it), so NumPy is timed in `rounds` rounds and the fastest round kept, as every case is.
    for (const shape of shapes) {
      let best: NumpyGemmTiming = { error: 'not measured' }
      for (let round = 0; round < rounds; round++) {
        const timing = numpyGemm(shape.n, shape.batch, Math.min(targetSeconds, 1.5) / rounds)
        if (!('seconds' in best) || ('seconds' in timing && timing.seconds < best.seconds)) best = timing
      }
      numpy.set(`${shape.n}x${shape.batch}`, best)
      numpyNote = 'version' in best ? `numpy ${best.version}` : best.error
    }
  }
  const numpySeconds = (n: number, batch: number): number | undefined => {
    const timing = numpy.get(`${n}x${batch}`)
    return timing !== undefined && 'seconds' in timing ? timing.seconds : undefined
  }
  const gemm = shapes.map(({ n, batch }): EngineBenchmarkGemmResult => {
    const random = createRandomSource(seed).stream('gemm', n, batch)
    const a = new Float32Array(batch * n)
    const b = new Float32Array(n * n)
    const c = new Float32Array(batch * n)
    random.fillUniform(a, -1, 1)
    random.fillNormal(b)
    // The engine's orientation: (batch×n drive) · (n×n conductances).
    const call = (): void => backend.gemm({ m: batch, n, k: n, a, b, c })
    call()
    call()
    const seconds = Math.min(...Array.from({ length: rounds }, () => median(timeCalls(call, targetSeconds / 2 / rounds, 3))))
    const reference = numpySeconds(n, batch)
    const base = { n, batch, gflops: (2 * n * n * batch) / seconds / 1e9 }
    return reference === undefined ? base : { ...base, xNumpy: seconds / reference, numpyGflops: (2 * n * n * batch) / reference / 1e9 }
  })
  const results = cases.map((entry) => runCase(entry, backend, seed, targetSeconds, numpySeconds(entry.n, entry.batch)))
  return { cases: results, gemm, ...(numpyNote === undefined ? {} : { numpy: numpyNote }) }
}

function runCase(entry: EngineBenchmarkCase, backend: ComputeBackendV1, seed: number, targetSeconds: number, numpySeconds: number | undefined): EngineBenchmarkCaseResult {
  const { id, n, batch } = entry
  let peak = process.memoryUsage().rss
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }
  const data = createRandomSource(seed).stream('benchmark', id, n)
  const weights = new Float32Array(n * n)
  data.stream('weights').fillNormal(weights)
  const inputs = new Float32Array(batch * n)
  data.stream('inputs').fillUniform(inputs, -1, 1)
  const calibration = new Float32Array(batch * n)
  data.stream('calibration').fillUniform(calibration, -1, 1)
  const hardware = benchmarkHardware(id, n)
  const programStart = performance.now()
  const matrix = programAnalogMatrix(weights, n, n, {
    ...hardware.engine,
    organization: hardware.organization,
    device: hardware.device,
    inputEncoder: hardware.inputEncoder,
    outputConverter: hardware.outputConverter,
    backend,
    random: data.stream('program'),
    layerName: id,
  })
  matrix.calibrate(calibration, batch)
  const programS = (performance.now() - programStart) / 1000
  sample()
  let first: Float32Array | null = null
  // Every call is timed: the median after three warm-up calls is the steady state, the mean over
  // all calls includes one-time work (JIT, a wire network's direct solves and transfer matrix).
  const warmup = 3
  const call = (): void => {
    const output = matrix.mvm(inputs, batch)
    first ??= output
  }
  // The fastest of the rounds' medians, as NumPy's baseline is taken (see `rounds`).
  const roundTimes = Array.from({ length: rounds }, (_, round) => timeCalls(call, targetSeconds / rounds, 5, round === 0 ? warmup : 0, sample))
  const times = roundTimes.flat()
  const seconds = Math.min(...roundTimes.map((round, index) => median(index === 0 ? round.slice(warmup) : round)))
  const total = times.reduce((sum, time) => sum + time, 0)
  const result: EngineBenchmarkCaseResult = {
    id,
    n,
    batch,
    mvmPerS: batch / seconds,
    gmacPerS: (n * n * batch) / seconds / 1e9,
    meanMvmPerS: (batch * times.length) / total,
    firstCallS: times[0]!,
    calls: times.length,
    programS,
    peakMemoryBytes: peak,
    relativeError: relativeError(first!, exactProduct(inputs, weights, batch, n, n)),
    backend: backend.name,
  }
  return numpySeconds === undefined ? result : { ...result, xNumpy: seconds / numpySeconds }
}
