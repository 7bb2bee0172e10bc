import type { Registrar } from '@cimkit/core'
import { createFlashAdc, createPipelinedAdc, createRampAdc, createSarAdc, flashOptionsSchema, pipelinedOptionsSchema, rampOptionsSchema, sarOptionsSchema } from './converters/adc-types.js'
import { createIntegrateFireCounter, integrateFireOptionsSchema } from './converters/integrate-fire-counter.js'
import { createPrechargeSenseAmp, prechargeSenseAmpOptionsSchema } from './converters/precharge-sense-amp.js'
import { createSenseAmpFlash, createVoltageSenseAmp, senseAmpFlashOptionsSchema, voltageSenseAmpOptionsSchema } from './converters/sense-amp-types.js'
import { bitSerialOptionsSchema, createBitSerialEncoder } from './encoders/bit-serial-encoder.js'
import { createMultiBitDac, multiBitDacOptionsSchema } from './encoders/multi-bit-dac.js'
import { createPwmEncoder, pwmOptionsSchema } from './encoders/pwm-encoder.js'
import { createSpikeEncoder, spikeOptionsSchema } from './encoders/spike-encoder.js'

/**
 * Registers every encoder and converter type of this package (the list in package.json
 * `cimkit.provides`).
 * @since 0.1.0
 */
export function registerPeripherals(registrar: Registrar): void {
  registrar
    .inputEncoder('dac', { optionsSchema: multiBitDacOptionsSchema, create: (options) => createMultiBitDac(options), description: 'multi-bit voltage DAC per row' })
    .inputEncoder('bit-serial', { optionsSchema: bitSerialOptionsSchema, create: (options) => createBitSerialEncoder(options), description: 'one 1-bit plane per read cycle, shift-and-add after conversion' })
    .inputEncoder('pwm', { optionsSchema: pwmOptionsSchema, create: (options) => createPwmEncoder(options), description: 'pulse-width driver, one long read cycle' })
    .inputEncoder('spike', { optionsSchema: spikeOptionsSchema, create: (options) => createSpikeEncoder(options), description: 'PipeLayer weighted spikes, one slot per bit' })
    .outputConverter('sar', { optionsSchema: sarOptionsSchema, create: (options) => createSarAdc(options), description: 'SAR ADC (ISAAC 8-bit 1.28 GS/s anchor)' })
    .outputConverter('flash', { optionsSchema: flashOptionsSchema, create: (options) => createFlashAdc(options), description: 'flash ADC, thermometer-decoded comparators' })
    .outputConverter('ramp', { optionsSchema: rampOptionsSchema, create: (options) => createRampAdc(options), description: 'column ramp ADC with a shared ramp and counter' })
    .outputConverter('pipelined', { optionsSchema: pipelinedOptionsSchema, create: (options) => createPipelinedAdc(options), description: 'pipelined ADC' })
    .outputConverter('pcsa', { optionsSchema: prechargeSenseAmpOptionsSchema, create: (options) => createPrechargeSenseAmp('pcsa', options), description: 'precharge sense amplifier on a 2T2R pair (paper 004)' })
    .outputConverter('pcsa-xnor', { optionsSchema: prechargeSenseAmpOptionsSchema, create: (options) => createPrechargeSenseAmp('pcsa-xnor', options), description: 'XNOR precharge sense amplifier (paper 004)' })
    .outputConverter('voltage-sa', { optionsSchema: voltageSenseAmpOptionsSchema, create: (options) => createVoltageSenseAmp(options), description: 'voltage sense amplifier with one shared reference (paper 002)' })
    .outputConverter('sa-flash', { optionsSchema: senseAmpFlashOptionsSchema, create: (options) => createSenseAmpFlash(options), description: 'flash ADC of 2^bits − 1 voltage SAs (paper 002)' })
    .outputConverter('integrate-fire', { optionsSchema: integrateFireOptionsSchema, create: (options) => createIntegrateFireCounter(options), description: 'integrate-and-fire counter (PipeLayer)' })
}
