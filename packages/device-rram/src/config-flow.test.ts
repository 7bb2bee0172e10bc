import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRandomSource, createRunContainer, resolveConfig, validateBaseConfig } from '@cimkit/core'
import type { DeviceModelV1, RunContainer } from '@cimkit/core'
import { afterEach, describe, expect, it } from 'vitest'
import { createRramPlugin } from './index.js'
import { fitMeasuredDevice } from './measured/fit-measured-device.js'

// The path a user's config takes: phase-1 and phase-2 validation with presets, then the factory.
let run: RunContainer | undefined
afterEach(async () => {
  await run?.dispose()
  run = undefined
})

async function deviceFromConfig(device: Record<string, unknown>, configDirectory = process.cwd()): Promise<DeviceModelV1> {
  run = await createRunContainer({ plugins: [{ plugin: createRramPlugin() }], seed: 1 })
  const resolved = await resolveConfig(validateBaseConfig({ device }, 'test.yaml'), run.registry, 'test.yaml')
  const section = resolved.device!
  const registration = run.registry.get('device', section.type).registration
  return registration.create(section.options, { random: createRandomSource(1), container: run.container, configDirectory })
}

describe('rram devices from a config', () => {
  it('a preset with a user override: isaac-2bit with programmingError 0.02 (DESIGN.md example)', async () => {
    const device = await deviceFromConfig({ type: 'rram', preset: 'isaac-2bit', programmingError: 0.02 })
    expect(device.levelsS).toHaveLength(4)
    expect(device.toJSON()).toMatchObject({ type: 'rram', levels: 4, programmingError: 0.02 })
  })

  it('hfo2-2t2r with another paper-004 regime swapped in by programmingConditions', async () => {
    const device = await deviceFromConfig({ type: 'rram', preset: 'hfo2-2t2r', programmingConditions: { resetVoltageV: 1.5 } })
    expect(device.cost.writeEnergyPerPulseJ).toBe(400e-12)
    expect(device.cost.technologyNodeNm).toBe(130)
    expect(1 / device.levelsS![0]! / (1 / device.levelsS![1]!)).toBeCloseTo(Math.exp(2.917947065303361), 6)
  })

  it('a wrong key is reported at its path', async () => {
    await expect(deviceFromConfig({ type: 'rram', preset: 'toy-analog', programingError: 0.1 })).rejects.toThrow(/programingError/)
  })

  it('a measured device from a fitted JSON next to the config', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'cimkit-config-'))
    const csv = ['level,conductance_S', ...Array.from({ length: 200 }, (_, index) => `${index % 2},${(index % 2 === 0 ? 1e-5 : 5e-5) * (1 + ((index % 7) - 3) * 0.01)}`)].join('\n')
    writeFileSync(join(directory, 'my-device.json'), JSON.stringify(fitMeasuredDevice(csv, { levels: 2, method: 'gaussian-mixture' })))
    const device = await deviceFromConfig({ type: 'measured', file: 'my-device.json', readNoise: { kind: 'relative', relativeStd: 0.01 } }, directory)
    expect(device.type).toBe('measured')
    expect(device.levelsS![0]).toBeCloseTo(1e-5, 7)
    expect(device.readNoiseStdS!(5e-5, 1)).toBeCloseTo(5e-7, 12)
  })
})
