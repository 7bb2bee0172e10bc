import { describeInputEncoderConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { bitPlaneWeights } from './bit-planes.js'
import { bitSerialOptionsSchema, createBitSerialEncoder } from './bit-serial-encoder.js'
import { createMultiBitDac, multiBitDacOptionsSchema } from './multi-bit-dac.js'
import { createPwmEncoder, pwmOptionsSchema } from './pwm-encoder.js'
import { createSpikeEncoder, spikeOptionsSchema } from './spike-encoder.js'

describeInputEncoderConformance('dac (unsigned 8-bit)', {
  create: () => createMultiBitDac({ bits: 8 }),
  registration: { optionsSchema: multiBitDacOptionsSchema },
  validOptions: { bits: 4, signed: true },
  invalidOptions: [
    { options: { bits: 0 }, path: 'bits' },
    { options: { bits: 1, signed: true }, path: 'bits' },
    { options: { volts: 1 }, path: '' },
  ],
})
describeInputEncoderConformance('dac (signed 6-bit)', { create: () => createMultiBitDac({ bits: 6, signed: true }) })
describeInputEncoderConformance('bit-serial (unsigned 8-bit)', {
  create: () => createBitSerialEncoder({ bits: 8 }),
  registration: { optionsSchema: bitSerialOptionsSchema },
  validOptions: { bits: 8, signed: true, signedEncoding: 'sign-magnitude' },
  invalidOptions: [
    { options: { signedEncoding: 'offset-binary' }, path: 'signedEncoding' },
    { options: { bits: 1, signed: true, signedEncoding: 'sign-magnitude' }, path: 'bits' },
  ],
})
describeInputEncoderConformance('bit-serial (two’s complement 8-bit)', { create: () => createBitSerialEncoder({ bits: 8, signed: true }) })
describeInputEncoderConformance('bit-serial (sign-magnitude 8-bit)', { create: () => createBitSerialEncoder({ bits: 8, signed: true, signedEncoding: 'sign-magnitude' }) })
describeInputEncoderConformance('pwm (unsigned 6-bit)', {
  create: () => createPwmEncoder({ bits: 6 }),
  registration: { optionsSchema: pwmOptionsSchema },
  invalidOptions: [{ options: { unitPulseS: -1 }, path: 'unitPulseS' }],
})
describeInputEncoderConformance('pwm (signed 6-bit)', { create: () => createPwmEncoder({ bits: 6, signed: true }) })
describeInputEncoderConformance('spike (unsigned 8-bit)', {
  create: () => createSpikeEncoder({ bits: 8 }),
  registration: { optionsSchema: spikeOptionsSchema },
  invalidOptions: [{ options: { bits: 2.5 }, path: 'bits' }],
})
describeInputEncoderConformance('spike (signed 8-bit)', { create: () => createSpikeEncoder({ bits: 8, signed: true }) })

function reconstruct(encoded: { planes: Float32Array; cycles: number; planeWeights: Float64Array }, length: number): number[] {
  const result: number[] = []
  for (let index = 0; index < length; index++) {
    let sum = 0
    for (let cycle = 0; cycle < encoded.cycles; cycle++) sum += encoded.planeWeights[cycle]! * encoded.planes[cycle * length + index]!
    result.push(sum)
  }
  return result
}

describe('input encoder behaviour', () => {
  it('an unsigned 2-bit DAC drives exactly 4 levels and clips outside [0, 1]', () => {
    const encoded = createMultiBitDac({ bits: 2 }).encode(new Float32Array([-0.5, 0, 0.16, 0.17, 0.5, 0.84, 1, 3]))
    expect(Array.from(encoded.planes).map((level) => Math.round(level * 3))).toEqual([0, 0, 0, 1, 2, 3, 3, 3])
    expect(encoded.planeWeights[0]).toBe(1)
  })

  it('a signed DAC has symmetric codes with an exact zero', () => {
    const encoded = createMultiBitDac({ bits: 3, signed: true }).encode(new Float32Array([-1, -0.1, 0, 0.1, 1]))
    expect(Array.from(encoded.planes).map((level) => Math.round(level * 3))).toEqual([-3, 0, 0, 0, 3])
    expect(reconstruct(encoded, 5)[4]).toBeCloseTo(3 / 3.5, 6)
  })

  it('DAC integral nonlinearity bows mid-scale levels by the peak INL and leaves the ends exact', () => {
    const encoded = createMultiBitDac({ bits: 4, integralNonlinearityLsb: 0.5 }).encode(new Float32Array([0, 0.4, 1]))
    expect(encoded.planes[0]).toBe(0)
    expect(encoded.planes[2]).toBe(1)
    const t = 6 / 15
    expect(encoded.planes[1]).toBeCloseTo(t + (0.5 * 4 * t * (1 - t)) / 15, 6)
  })

  it('paper 003 Eq. 8: bit-serial planes are the bits of the code, LSB first', () => {
    const encoded = createBitSerialEncoder({ bits: 4 }).encode(new Float32Array([11 / 15]))
    expect(Array.from(encoded.planes)).toEqual([1, 1, 0, 1])
    expect(Array.from(encoded.planeWeights)).toEqual([1, 2, 4, 8].map((weight) => weight / 15))
  })

  it('two’s complement weights the MSB −2^(B−1) (ISAAC); −1 and +1 map to the extreme codes', () => {
    expect(bitPlaneWeights(4, 'twos-complement').map((weight) => weight * 7.5)).toEqual([1, 2, 4, -8])
    const encoder = createBitSerialEncoder({ bits: 4, signed: true })
    const encoded = encoder.encode(new Float32Array([-1, 1, 0]))
    expect(reconstruct(encoded, 3).map((value) => Math.round(value * 7.5))).toEqual([-7, 7, 0])
    expect(encoded.planes[3 * 3 + 0]).toBe(1) // −7 = 1001₂: the MSB plane is set
  })

  it('sign-magnitude folds the sign into ±1 planes and needs B − 1 cycles', () => {
    const encoder = createBitSerialEncoder({ bits: 4, signed: true, signedEncoding: 'sign-magnitude' })
    expect(encoder.cycles).toBe(3)
    const encoded = encoder.encode(new Float32Array([-5 / 7.5]))
    expect(Array.from(encoded.planes)).toEqual([-1, 0, -1])
  })

  it('PWM: the plane is the pulse width over the full scale; edge loss removes charge per pulse', () => {
    const ideal = createPwmEncoder({ bits: 3 }).encode(new Float32Array([0, 3 / 7, 1]))
    expect(Array.from(ideal.planes).map((level) => level * 7)).toEqual([0, 3, 7].map((slots) => expect.closeTo(slots, 5)))
    const lossy = createPwmEncoder({ bits: 3, edgeLossSlots: 0.5 }).encode(new Float32Array([0, 3 / 7, 1]))
    expect(Array.from(lossy.planes).map((level) => level * 7)).toEqual([0, 2.5, 6.5].map((slots) => expect.closeTo(slots, 5)))
    expect(createPwmEncoder({ bits: 3 }).cost.latencyPerActionS['drive']).toBeCloseTo(7e-9, 15)
  })

  it('PipeLayer weighted spikes: B slots with one spike per set bit, weights 2^b', () => {
    const encoder = createSpikeEncoder({ bits: 4 })
    expect(encoder.cycles).toBe(4)
    const encoded = encoder.encode(new Float32Array([6 / 15]))
    expect(Array.from(encoded.planes)).toEqual([0, 1, 1, 0])
    expect(encoder.cost.componentClass).toBe('spike-driver')
  })
})

describeInputEncoderConformance('dac (signed 16-bit, uniform levels)', { create: () => createMultiBitDac({ bits: 16, signed: true }) })
describeInputEncoderConformance('dac (unsigned 1-bit, uniform levels)', { create: () => createMultiBitDac({ bits: 1 }) })

describe('uniform levels are declared only for undistorted grids', () => {
  it('a DAC with integral nonlinearity and a PWM driver with edge loss declare none', () => {
    expect(createMultiBitDac({ bits: 8, signed: true }).uniformLevels).toMatchObject({ rounding: 'half-up', maxCode: 127, scale: 127.5 })
    expect(createMultiBitDac({ bits: 8, integralNonlinearityLsb: 0.5 }).uniformLevels).toBeUndefined()
    expect(createPwmEncoder({ bits: 6 }).uniformLevels).toMatchObject({ rounding: 'half-up', maxCode: 63 })
    expect(createPwmEncoder({ bits: 6, edgeLossSlots: 0.5 }).uniformLevels).toBeUndefined()
  })
})
