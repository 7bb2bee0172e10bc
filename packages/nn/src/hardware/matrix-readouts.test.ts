import { createRandomSource } from '@cimkit/core'
import type { HardwareV1, OutputConverterV1 } from '@cimkit/core'
import { IdealLevelsDevice, UniformAdc } from '@cimkit/engine/testing'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { NetworkWorkload } from '../workload/network-workload.js'
import { hardwareSimulationOptionsSchema } from './hardware-simulation-options.js'
import { matrixReadout } from './matrix-readouts.js'

const device = new IdealLevelsDevice({ minS: 1e-5, maxS: 1e-4, levels: 2 })
const arrays = { rows: 64, columns: 128, weightBits: 1, bitsPerCell: 1, inputBits: 1, weightMapping: 'complementary-binary' as const }

function hardware(outputConverter: OutputConverterV1 | null): HardwareV1 {
  return { device, inputEncoder: null, outputConverter, architecture: null, middleware: [], backend: referenceBackend }
}

async function evaluate(model: string, matrices: Record<string, 'adc' | 'ideal' | 'digital'>, converter: OutputConverterV1 | null) {
  const workload = new NetworkWorkload({ model, dataset: 'mnist', samples: 60, simulation: { adcRange: { mode: 'max' }, arrays, matrices } }, process.cwd())
  return workload.evaluate(hardware(converter), { trials: 1, timeS: 1, random: createRandomSource(5), progress: () => {} })
}

describe('per-matrix readout (workload.simulation.matrices)', () => {
  it('a group entry overrides its layer, a layer entry its groups, the rest read through the configured converter', () => {
    const matrices = { fc1: 'digital', fc2: 'adc', 'fc2/g3': 'ideal' } as const
    expect(matrixReadout(matrices, 'fc1', 0)).toBe('digital')
    expect(matrixReadout(matrices, 'fc2', 3)).toBe('ideal')
    expect(matrixReadout(matrices, 'fc2', 4)).toBe('adc')
    expect(matrixReadout(matrices, 'fc3', 0)).toBe('adc')
    expect(hardwareSimulationOptionsSchema.safeParse({ matrices: { fc1: 'analog' } }).success).toBe(false)
  })

  it('a 1-bit converter read on every matrix of bnn-split-mnist costs accuracy; with fc1 and fc3 digital and the 16 split groups on it, the split network is exact (the groups only keep the sign), 60 MNIST images', async () => {
    // A 1-bit uniform ADC on ±full scale keeps only the sign of a sum: what paper 002's one-reference SA reads.
    const sign = new UniformAdc({ bits: 1 })
    const everywhere = await evaluate('bnn-split-mnist', {}, sign)
    const split = await evaluate('bnn-split-mnist', { fc1: 'digital', fc3: 'digital' }, sign)
    expect(split.accuracy!.top1).toBe(split.accuracy!.baseline)
    expect(everywhere.accuracy!.top1).toBeLessThan(everywhere.accuracy!.baseline - 0.2)
    // Digital matrices leave the arrays: no array reads for fc1 and fc3, 16 groups of 64 rows for fc2.
    const layers = split.activity!.layers
    expect(layers.fc1?.array).toBeUndefined()
    expect(layers.fc3?.array).toBeUndefined()
    expect(layers.fc2!.adc!.convert).toBeGreaterThan(0)
  })

  it('rejects a key that names no matrix, naming the config key and the layers that exist', () => {
    const make = (matrices: Record<string, 'digital'>) => () => new NetworkWorkload({ model: 'bnn-split-mnist', dataset: 'mnist', samples: 1, simulation: { matrices } }, process.cwd())
    expect(make({ fc4: 'digital' })).toThrow(/workload\.simulation\.matrices\.fc4.*fc1, fc2, fc3/)
    expect(make({ 'fc2/g16': 'digital' })).toThrow(/workload\.simulation\.matrices\.fc2\/g16.*16 matrix groups/)
    expect(make({ 'fc1/g0': 'digital', 'fc2/g15': 'digital' })).not.toThrow()
  })
})
