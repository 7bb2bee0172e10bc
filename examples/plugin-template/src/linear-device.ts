import type { DeviceCostV1, DeviceModelV1, ProgrammedCellsV1, RandomSource } from '@cimkit/core'
import type { ResolvedLinearDeviceOptions } from './linear-device-options.js'

/**
 * A device with evenly spaced levels, additive Gaussian programming error and multiplicative read
 * noise: the smallest complete `DeviceModelV1`. Copy it to start your own device.
 * @since 0.1.0
 */
export class LinearDevice implements DeviceModelV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'linear-device'
  readonly conductanceRangeS: { readonly minS: number; readonly maxS: number }
  readonly levelsS: readonly number[]
  readonly cost: DeviceCostV1 = {
    // Illustrative numbers for a template, taken from the survey's RRAM row so they are not invented:
    // 4F² crossbar cell, 0.2 V read for 10 ns, 1 pJ/10 ns SET/RESET pulses (Xiao et al. 2020, Table I).
    cellAreaF2: 4,
    technologyNodeNm: 32,
    readVoltageV: 0.2,
    readPulseS: 10e-9,
    writeEnergyPerPulseJ: 1e-12,
    writePulseS: 10e-9,
    source: 'Xiao et al., Appl. Phys. Rev. 2020, Table I (RRAM row), as an example',
  }

  constructor(private readonly options: ResolvedLinearDeviceOptions) {
    this.conductanceRangeS = { minS: options.gMinS, maxS: options.gMaxS }
    const step = (options.gMaxS - options.gMinS) / (options.levels - 1)
    this.levelsS = Array.from({ length: options.levels }, (_, level) => options.gMinS + level * step)
  }

  doProgram(targetsS: Float32Array, random: RandomSource): ProgrammedCellsV1 {
    const { gMinS, gMaxS, programmingErrorStd } = this.options
    const conductanceS = new Float32Array(targetsS.length)
    random.fillNormal(conductanceS, 0, programmingErrorStd * (gMaxS - gMinS))
    for (let index = 0; index < targetsS.length; index++) {
      const target = Math.min(gMaxS, Math.max(gMinS, targetsS[index]!))
      // A programmed conductance cannot be negative, whatever the Gaussian tail says.
      conductanceS[index] = Math.max(0, target + conductanceS[index]!)
    }
    return { conductanceS }
  }

  readNoiseStdS(conductanceS: number): number {
    return this.options.readNoiseStd * conductanceS
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}
