import { createRandomSource } from '@cimkit/core'
import { describeDeviceConformance, describeInputEncoderConformance, describeOutputConverterConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { BitSerialEncoder } from './bit-serial-encoder.js'
import { DacEncoder } from './dac-encoder.js'
import { IdealLevelsDevice } from './ideal-levels-device.js'
import { UniformAdc } from './uniform-adc.js'

describeDeviceConformance('ideal-levels (analog, all non-idealities)', {
  create: () =>
    new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null, programmingErrorProportional: 0.05, readNoiseProportional: 0.01, stuckLowRate: 0.01, stuckHighRate: 0.01, driftExponent: 0.05 }),
})
describeDeviceConformance('ideal-levels (4 levels)', { create: () => new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: 4 }) })
// NOTE: signed encoders are checked below instead of by the kit: the kit's reconstruction bound
// assumes 2^B levels spread over [−1, 1] (step 2/(2^B − 1), no zero code), while sign-magnitude and
// two's-complement drivers with a zero code and ±1 reachable have step 1/(2^(B−1) − 1).
describeInputEncoderConformance('dac test double (unsigned 4-bit)', { create: () => new DacEncoder({ bits: 4, signed: false }) })
describeInputEncoderConformance('bit-serial test double (unsigned 5-bit)', { create: () => new BitSerialEncoder({ bits: 5, signed: false }) })
describeOutputConverterConformance('uniform adc test double', { create: () => new UniformAdc({ bits: 6 }) })
describeOutputConverterConformance('uniform adc test double with offset and noise', {
  create: () => new UniformAdc({ bits: 6, offsetStdLsb: 0.5, noiseStdLsb: 0.3 }),
  noiseless: false,
})

describe('test doubles behave as documented', () => {
  it('signed encoders reconstruct every input within half a step of 1/(2^(B−1) − 1)', () => {
    const values = Float32Array.from({ length: 513 }, (_, index) => -1 + index / 256)
    for (const encoder of [new DacEncoder({ bits: 8, signed: true }), new BitSerialEncoder({ bits: 6, signed: true }), new BitSerialEncoder({ bits: 6, signed: true, signedEncoding: 'sign-magnitude' })]) {
      const encoded = encoder.encode(values)
      const halfStep = 0.5 / (2 ** (encoder.bits - 1) - 1)
      for (let index = 0; index < values.length; index++) {
        let sum = 0
        for (let cycle = 0; cycle < encoded.cycles; cycle++) sum += encoded.planeWeights[cycle]! * encoded.planes[cycle * values.length + index]!
        expect(Math.abs(sum - values[index]!)).toBeLessThanOrEqual(halfStep + 1e-6)
      }
    }
  })

  it('bit-serial two’s complement: planes are the bits of q, the sign plane weighted −2^(B−1)/L', () => {
    const encoded = new BitSerialEncoder({ bits: 4, signed: true }).encode(Float32Array.of(-3 / 7))
    // q = −3 → 4-bit pattern 1101, LSB first.
    expect(Array.from(encoded.planes)).toEqual([1, 0, 1, 1])
    expect(Array.from(encoded.planeWeights)).toEqual([1 / 7, 2 / 7, 4 / 7, -8 / 7])
  })

  it('uniform ADC: codes spread evenly over the range, values clip', () => {
    const out = new Float32Array(3)
    new UniformAdc({ bits: 2 }).convert(Float32Array.of(0.4, 2.6, 9), 3, { min: 0, max: 3 }, createRandomSource(1), out)
    expect(Array.from(out)).toEqual([0, 3, 3])
  })
})
