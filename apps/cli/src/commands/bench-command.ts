import { CimkitError } from '@cimkit/core'
import { crossSimReference, ENGINE_BENCHMARK_CASE_IDS, runEngineBenchmark } from '@cimkit/engine'
import type { EngineBenchmarkCaseId } from '@cimkit/engine'
import { selectBackend } from '@cimkit/kernels'

/** Flags of `cimkit bench`. @since 0.1.0 */
export interface BenchFlags {
  readonly json?: boolean
  readonly vsNumpy?: boolean
  readonly backend?: string
  readonly seconds?: string
  /** Comma-separated `id@n` cases (default: the TARGETS.md §3 table). */
  readonly cases?: string
}

function parseCases(text: string): { id: EngineBenchmarkCaseId; n: number; batch: number }[] {
  return text.split(',').map((entry) => {
    const [id, n = '1024'] = entry.trim().split('@')
    if (!(ENGINE_BENCHMARK_CASE_IDS as readonly string[]).includes(id ?? '')) throw new CimkitError(`--cases: unknown case "${id}" (cases: ${ENGINE_BENCHMARK_CASE_IDS.join(', ')})`)
    const size = Number(n)
    if (!Number.isInteger(size) || size < 1) throw new CimkitError(`--cases: "${entry}" needs a positive integer size after @`)
    return { id: id as EngineBenchmarkCaseId, n: size, batch: 64 }
  })
}

function si(value: number): string {
  return value >= 1e6 ? `${(value / 1e6).toFixed(2)}M` : value >= 1e3 ? `${(value / 1e3).toFixed(1)}k` : value.toFixed(1)
}

/**
 * `cimkit bench [--json] [--vs-numpy]`: the CrossSim cases of TARGETS.md §3 on the active backend
 * (MVM/s, GMAC/s, peak memory, relative error), a float32 GEMM of the same shapes, NumPy's GEMM in
 * the same run with `--vs-numpy`, and each case against CrossSim's figure and cimkit's goal.
 * @since 0.1.0
 */
export function benchCommand(flags: BenchFlags): void {
  const backend = selectBackend(flags.backend ?? 'auto')
  const targetSeconds = flags.seconds === undefined ? 1 : Number(flags.seconds)
  if (!(targetSeconds > 0)) throw new CimkitError(`--seconds: expected a positive number, got "${String(flags.seconds)}"`)
  process.stderr.write(`bench: backend ${backend.name}; about ${targetSeconds} s of timed calls per case\n`)
  const result = runEngineBenchmark({ backend, vsNumpy: flags.vsNumpy === true, targetSeconds, ...(flags.cases === undefined ? {} : { cases: parseCases(flags.cases) }) })
  const cases = result.cases.map((entry) => {
    const reference = crossSimReference[`${entry.id}@${entry.n}`]
    if (reference === undefined) return entry
    // Two comparisons: MVM/s against CrossSim's figure (TARGETS.md's goal column), and CrossSim's
    // × NumPy over ours (each normalized by NumPy on its own machine, the stable figure when the
    // two machines' BLAS speeds differ).
    const normalized = entry.xNumpy === undefined ? {} : { vsCrossSimXNumpy: reference.xNumpy / entry.xNumpy }
    return { ...entry, crossSimMvmPerS: reference.mvmPerS, crossSimXNumpy: reference.xNumpy, vsCrossSim: entry.mvmPerS / reference.mvmPerS, ...normalized, goal: reference.goal }
  })
  if (flags.json === true) {
    process.stdout.write(`${JSON.stringify({ ...result, cases }, null, 2)}\n`)
    return
  }
  const header = ['case', 'N', 'MVM/s', 'GMAC/s', 'peak MiB', 'rel. error', '× NumPy', 'vs CrossSim (goal)', 'vs CrossSim, × NumPy']
  const rows = cases.map((entry) => [
    entry.id,
    String(entry.n),
    si(entry.mvmPerS),
    entry.gmacPerS.toFixed(2),
    (entry.peakMemoryBytes / 2 ** 20).toFixed(0),
    `${(entry.relativeError * 100).toFixed(2)} %`,
    entry.xNumpy === undefined ? '—' : entry.xNumpy.toFixed(1),
    'vsCrossSim' in entry ? `${entry.vsCrossSim.toFixed(1)}× (≥ ${entry.goal}×) ${entry.vsCrossSim >= entry.goal ? 'met' : 'NOT met'}` : '—',
    'vsCrossSimXNumpy' in entry && entry.vsCrossSimXNumpy !== undefined ? `${entry.vsCrossSimXNumpy.toFixed(1)}× (${entry.crossSimXNumpy} ÷ ${entry.xNumpy!.toFixed(1)})` : '—',
  ])
  const gemm = result.gemm.map((entry) => [`gemm float32`, String(entry.n), '', entry.gflops.toFixed(1) + ' GFLOP/s', '', '', entry.xNumpy === undefined ? '—' : entry.xNumpy.toFixed(2), entry.numpyGflops === undefined ? '' : `NumPy ${entry.numpyGflops.toFixed(1)} GFLOP/s`, entry.xNumpy === undefined ? '' : `${(100 / entry.xNumpy).toFixed(0)} % of NumPy (goal ≥ 60 %)`])
  const all = [header, ...rows, ...gemm]
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)))
  process.stdout.write(`${all.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n')}\n`)
  if (result.numpy !== undefined) process.stdout.write(`numpy: ${result.numpy}\n`)
}
