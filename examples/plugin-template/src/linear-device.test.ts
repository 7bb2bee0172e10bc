import { createRandomSource } from '@cimkit/core'
import { describeDeviceConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import plugin from './index.js'
import { LinearDevice } from './linear-device.js'
import { linearDeviceOptionsSchema } from './linear-device-options.js'

const create = (): LinearDevice => new LinearDevice(linearDeviceOptionsSchema.parse({}))

// The spec's contract, checked by core's conformance kit: what every device plugin must pass.
describeDeviceConformance('linear-device', {
  create,
  registration: { optionsSchema: linearDeviceOptionsSchema },
  validOptions: { levels: 8 },
  invalidOptions: [
    { options: { gMinS: -1 }, path: 'gMinS' },
    { options: { gMinS: 1e-4, gMaxS: 1e-5 }, path: 'gMaxS' },
    { options: { level: 4 }, path: '' },
  ],
})

describe('LinearDevice', () => {
  it('spaces its levels evenly from gMinS to gMaxS', () => {
    expect(create().levelsS.length).toBe(16)
    expect(create().levelsS[0]).toBeCloseTo(1e-6, 15)
    expect(create().levelsS[15]).toBeCloseTo(1e-4, 15)
  })

  it('programs with the configured error: σ = 2 % of the range (n = 100 000, 3 % tolerance on σ)', () => {
    const device = create()
    const target = device.levelsS[8]!
    const cells = device.doProgram(new Float32Array(100_000).fill(target), createRandomSource(1))
    let sum = 0
    let squares = 0
    for (const value of cells.conductanceS) {
      sum += value
      squares += (value - target) ** 2
    }
    expect(sum / cells.conductanceS.length).toBeCloseTo(target, 7)
    // σ of the sample σ is σ/sqrt(2n) ≈ 0.22 % of σ; 3 % is far outside chance.
    expect(Math.sqrt(squares / cells.conductanceS.length) / (0.02 * (1e-4 - 1e-6))).toBeCloseTo(1, 1)
  })

  it('registers as a plugin with a preset', () => {
    expect(plugin.meta.name).toBe('cimkit-plugin-linear-device')
    expect(plugin.presets?.['coarse-4-level']?.config).toMatchObject({ device: { type: 'linear-device', levels: 4 } })
  })
})
