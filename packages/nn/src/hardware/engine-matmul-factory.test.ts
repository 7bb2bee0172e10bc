import type { DeviceModelV1, HardwareV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { IdealLevelsDevice } from '@cimkit/engine/testing'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { NetworkWorkload } from '../workload/network-workload.js'

const samples = 300

function hardwareWith(device: DeviceModelV1): HardwareV1 {
  return { device, inputEncoder: null, outputConverter: null, architecture: null, middleware: [], backend: referenceBackend }
}

async function evaluate(device: DeviceModelV1, trials = 1) {
  const workload = new NetworkWorkload({ model: 'mlp-mnist', dataset: 'mnist', samples, simulation: { arrays: { weightBits: 12, bitsPerCell: 12 } } }, process.cwd())
  return workload.evaluate(hardwareWith(device), { trials, timeS: 1, random: createRandomSource(3), progress: () => {} })
}

describe('network workload on engine-simulated arrays', () => {
  it('ideal analog cells with 12-bit weights and ideal converters reproduce the float accuracy (300 MNIST test images, ±1 image)', async () => {
    const result = await evaluate(new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null }))
    expect(result.extra?.accuracyMode).toBe('hardware')
    expect(Math.abs(result.accuracy!.top1 - result.accuracy!.baseline)).toBeLessThanOrEqual(1 / samples)
    // Measured array activity joins the digital counts: every dense layer reads its arrays.
    const layers = result.activity!.layers
    expect(Object.values(layers).filter((components) => (components.array?.mvm ?? 0) > 0).length).toBeGreaterThan(0)
  })

  it('30 % state-proportional programming error costs accuracy, and three trials are not all equal (independent streams)', async () => {
    const result = await evaluate(new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null, programmingErrorProportional: 0.3 }), 3)
    expect(result.accuracy!.top1).toBeLessThan(result.accuracy!.baseline)
    expect(new Set(result.accuracy!.perTrial).size).toBeGreaterThan(1)
  })

  it('per-cell sensing (workload.simulation.arrays.sensing): bnn-mnist on exact binary pairs is the float network, one decision per synapse per image (100 MNIST test images)', async () => {
    const workload = new NetworkWorkload(
      { model: 'bnn-mnist', dataset: 'mnist', samples: 100, simulation: { arrays: { rows: 32, columns: 64, weightBits: 1, bitsPerCell: 1, inputBits: 1, weightMapping: 'complementary-binary', sensing: 'per-cell' } } },
      process.cwd(),
    )
    const result = await workload.evaluate(hardwareWith(new IdealLevelsDevice({ minS: 1e-5, maxS: 1e-4, levels: 2 })), { trials: 1, timeS: 1, random: createRandomSource(3), progress: () => {} })
    expect(result.accuracy!.top1).toBe(result.accuracy!.baseline)
    const layers = result.activity!.layers
    // 784·1024 + 1024·1024 + 1024·10 synapses, each sensed once per image.
    expect(['fc1', 'fc2', 'fc3'].reduce((sum, layer) => sum + layers[layer]!.adc!.convert!, 0)).toBeCloseTo(1_861_632, 6)
  })
})
