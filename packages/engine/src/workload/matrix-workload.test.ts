import type { HardwareV1 } from '@cimkit/core'
import { ComponentRegistry, container, createRandomSource, Registrar } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { createEngineWorkloadsPlugin } from '../index.js'
import { DacEncoder } from '../testing/dac-encoder.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { UniformAdc } from '../testing/uniform-adc.js'
import { MatrixWorkload } from './matrix-workload.js'
import { relativeError } from './relative-error.js'

const settings = (trials: number) => ({ trials, timeS: 0, random: createRandomSource(5), progress: () => {} })

function hardware(programmingError: number, withConverters: boolean): HardwareV1 {
  return {
    device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null, programmingErrorProportional: programmingError }),
    inputEncoder: withConverters ? new DacEncoder({ bits: 8, signed: true }) : null,
    outputConverter: withConverters ? new UniformAdc({ bits: 8 }) : null,
    architecture: null,
    middleware: [],
    backend: referenceBackend,
  }
}

describe('matrix workload', () => {
  it('relativeError is ‖Y − X·W‖_F / ‖X·W‖_F (CrossSim rel_err)', () => {
    // 1.1 is not exact in float32: tolerance 1e-7.
    expect(relativeError(Float32Array.of(1.1, 2), Float64Array.of(1, 2))).toBeCloseTo(0.1 / Math.sqrt(5), 7)
  })

  it('ideal hardware has only the 8-bit weight quantization error; programming error adds to it', async () => {
    const workload = new MatrixWorkload({ rows: 64, columns: 32, batch: 16, calibrationBatch: 16 })
    const ideal = (await workload.evaluate(hardware(0, false), settings(1))).extra!['mvm'] as { relativeError: number }
    // 8-bit weights of N(0,1) scaled to max|W| ≈ 3: step ≈ 3/127, rounding error std ≈ step/√12 ≈ 0.0068 of σ_W = 1.
    expect(ideal.relativeError).toBeGreaterThan(0.003)
    expect(ideal.relativeError).toBeLessThan(0.012)
    const noisy = (await workload.evaluate(hardware(0.05, true), settings(3))).extra!['mvm'] as { relativeError: number; perTrial: number[]; std: number }
    expect(noisy.perTrial).toHaveLength(3)
    expect(noisy.std).toBeGreaterThan(0)
    expect(noisy.relativeError).toBeGreaterThan(0.03)
    expect(noisy.relativeError).toBeLessThan(0.09)
  })

  it('reports activity per vector: one array read and 64 row drives per vector', async () => {
    const workload = new MatrixWorkload({ rows: 64, columns: 32, batch: 16, calibrationBatch: 8 })
    const result = await workload.evaluate(hardware(0, true), settings(2))
    const counts = result.activity!.layers['matrix']!
    expect(counts['array']!['mvm']).toBe(1)
    expect(counts['dac']!['drive']).toBe(64)
    expect(counts['adc']!['convert']).toBe(32)
    expect(counts['array']!['cellRead']).toBe(64 * 64)
  })

  it('is registered by the engine plugin as workload:matrix with its option schema', () => {
    const registry = new ComponentRegistry()
    const plugin = createEngineWorkloadsPlugin()
    plugin.register(new Registrar(registry, container.createChildContainer(), plugin.meta))
    const entry = registry.get('workload', 'matrix')
    expect(registry.types('workload')).toEqual(['matrix'])
    const parsed = entry.registration.optionsSchema['~standard'].validate({ rows: 8, colums: 3 })
    expect('issues' in parsed && parsed.issues !== undefined).toBe(true)
  })
})

describe('relative MVM error of the CrossSim benchmark case (anchor-crosssim.md §8.2)', () => {
  // One-sided differential 7-bit cells, R 10 kΩ–1 MΩ, 5 % state-proportional programming error.
  const crossSimHardware = (withConverters: boolean): HardwareV1 => ({
    ...hardware(0.05, withConverters),
    device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null, programmingErrorProportional: 0.05 }),
  })

  it('programming error alone matches the closed form σ·√(Σ((|q| + r)² + r²) / Σq²) within 1.5 %', async () => {
    const size = 256
    const workload = new MatrixWorkload({ rows: size, columns: size, batch: 32, calibrationBatch: 8 })
    const result = (await workload.evaluate(crossSimHardware(false), settings(1))).extra!['mvm'] as { relativeError: number }
    // Same weights as the workload draws (stream matrix-data/weights), quantized to ±127.
    const weights = new Float32Array(size * size)
    createRandomSource(5).stream('matrix-data').stream('weights').fillNormal(weights)
    let largest = 0
    for (const weight of weights) largest = Math.max(largest, Math.abs(weight))
    const r = 1e-6 / ((1e-4 - 1e-6) / 127)
    let errorSum = 0
    let signalSum = 0
    for (const weight of weights) {
      const q = Math.round((Math.abs(weight) / largest) * 127)
      errorSum += (q + r) ** 2 + r ** 2
      signalSum += q * q
    }
    const predicted = 0.05 * Math.sqrt(errorSum / signalSum)
    expect(Math.abs(result.relativeError / predicted - 1)).toBeLessThan(0.015)
  })

  it('with an 8-bit DAC and an 8-bit calibrated ADC it is within 0.5 points of CrossSim’s 5.69 % at 256×256', async () => {
    const workload = new MatrixWorkload({ rows: 256, columns: 256, batch: 64, calibrationBatch: 64 })
    const result = (await workload.evaluate(crossSimHardware(true), settings(1))).extra!['mvm'] as { relativeError: number }
    expect(Math.abs(result.relativeError - 0.0569)).toBeLessThan(0.005)
  })
})
