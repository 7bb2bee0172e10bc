import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { benchmarkHardware, DEFAULT_ENGINE_BENCHMARK_CASES } from './benchmark-cases.js'
import { runEngineBenchmark } from './engine-benchmark.js'

describe('engine benchmark harness', () => {
  it('covers the TARGETS.md §3 table: six cases at N = 1024, prog-dac8-adc8 also at 256, wire resistance at 256, batch 64', () => {
    expect(DEFAULT_ENGINE_BENCHMARK_CASES.map((entry) => `${entry.id}:${entry.n}:${entry.batch}`)).toEqual([
      'prog-dac8-adc8:1024:64',
      'prog-dac8-adc8:256:64',
      'weight-slices:1024:64',
      'input-bitserial:1024:64',
      'both-slicings:1024:64',
      'read-noise:1024:64',
      'wire-resistance:256:64',
    ])
  })

  it('builds each case as CrossSim defines it (anchor-crosssim.md §8.1): slices, bit-serial planes, read noise, wires', () => {
    expect(benchmarkHardware('prog-dac8-adc8', 64).organization).toMatchObject({ rows: 64, columns: 128, weightBits: 8, bitsPerCell: 7, weightMapping: 'differential', conversion: 'per-input-bit' })
    expect(benchmarkHardware('weight-slices', 64).organization).toMatchObject({ columns: 512, bitsPerCell: 2 })
    expect(benchmarkHardware('input-bitserial', 64).inputEncoder.cycles).toBe(7)
    expect(benchmarkHardware('both-slicings', 64).inputEncoder.cycles).toBe(7)
    expect(benchmarkHardware('read-noise', 64).device.readNoiseStdS?.(1e-5, 0)).toBeCloseTo(2e-7, 15)
    expect(benchmarkHardware('prog-dac8-adc8', 64).device.readNoiseStdS).toBeUndefined()
    expect(benchmarkHardware('wire-resistance', 64).engine.wireResistanceOhm).toBe(0.1)
    expect(benchmarkHardware('both-slicings', 64).engine.adcRange).toEqual({ mode: 'calibrated', percentile: 99.99 })
  })

  it('times small cases and the GEMM of their shape, and reports the CrossSim-style relative error (≈ 5 % at 5 % programming error)', () => {
    const result = runEngineBenchmark({
      backend: referenceBackend,
      targetSeconds: 0.01,
      cases: [
        { id: 'prog-dac8-adc8', n: 48, batch: 8 },
        { id: 'read-noise', n: 48, batch: 8 },
        { id: 'wire-resistance', n: 16, batch: 8 },
      ],
    })
    expect(result.cases.map((entry) => entry.id)).toEqual(['prog-dac8-adc8', 'read-noise', 'wire-resistance'])
    for (const entry of result.cases) {
      expect(entry.mvmPerS).toBeGreaterThan(0)
      expect(entry.calls).toBeGreaterThanOrEqual(8)
      // The mean includes the first calls (and, for wires, the transfer matrix the reader builds).
      expect(entry.meanMvmPerS).toBeGreaterThan(0)
      expect(entry.meanMvmPerS).toBeLessThanOrEqual((entry.batch * entry.calls) / entry.firstCallS)
      expect(entry.gmacPerS).toBeCloseTo((entry.mvmPerS * entry.n * entry.n) / 1e9, 9)
      expect(entry.peakMemoryBytes).toBeGreaterThan(0)
      expect(entry.backend).toBe('reference')
      expect(entry.xNumpy).toBeUndefined()
      // 5 % programming error and 8-bit converters: a few percent (CrossSim: 5.6 % at 1024).
      expect(entry.relativeError).toBeGreaterThan(0.01)
      expect(entry.relativeError).toBeLessThan(0.15)
    }
    expect(result.gemm.map((entry) => `${entry.n}:${entry.batch}`)).toEqual(['48:8', '16:8'])
    for (const entry of result.gemm) expect(entry.gflops).toBeGreaterThan(0)
    expect(result.numpy).toBeUndefined()
  })

  it('rejects a case that is not a positive integer size, an unknown case id and an unknown key', () => {
    expect(() => runEngineBenchmark({ backend: referenceBackend, cases: [{ id: 'read-noise', n: 0, batch: 8 }] })).toThrow(/cases\.0\.n/)
    expect(() => runEngineBenchmark({ backend: referenceBackend, cases: [{ id: 'unknown' as 'read-noise', n: 8, batch: 8 }] })).toThrow(/cases\.0\.id/)
    expect(() => runEngineBenchmark({ backend: referenceBackend, vsNumPy: true } as never)).toThrow(/vsNumPy/)
  })
})
