import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { registerPeripherals } from './register-peripherals.js'
import { VERSION } from './version.js'

// Calibration helpers the engine may call
export { calibrateRangeByPercentile } from './calibration/percentile-range.js'
export { referencesFromQuantiles } from './calibration/quantile-references.js'
// Cost models
export { comparatorBankCost, pipelinedAdcCost, rampAdcCost, sarAdcCost } from './cost/adc-cost.js'
export type { AdcCostRequest } from './cost/adc-cost.js'
export { RESOLUTION_SCALING_SOURCE, THERMAL_CORNER_BITS, resolutionEnergyFactor } from './cost/adc-resolution-scaling.js'
export { multiBitDacCost, oneBitDriverCost, pwmDriverCost } from './cost/driver-cost.js'
export type { DriverPoint } from './cost/driver-cost.js'
export { interleave } from './cost/interleaving.js'
export type { Interleaving } from './cost/interleaving.js'
export { publishedAnchors } from './cost/published-anchors.js'
export { createSampleHoldCost, sampleHoldOptionsSchema } from './cost/sample-hold-cost.js'
export type { SampleHoldOptions } from './cost/sample-hold-cost.js'
export { senseAmpCost } from './cost/sense-amp-cost.js'
export type { SenseAmpKind } from './cost/sense-amp-cost.js'
export { createShiftAddCost, shiftAddOptionsSchema } from './cost/shift-add-cost.js'
export type { ShiftAddOptions } from './cost/shift-add-cost.js'
export { createTiaCost, tiaOptionsSchema } from './cost/tia-cost.js'
export type { TiaOptions } from './cost/tia-cost.js'
// Output converters
export { AdcConverter } from './converters/adc-converter.js'
export type { AdcBehaviour } from './converters/adc-converter.js'
export {
  createFlashAdc,
  createPipelinedAdc,
  createRampAdc,
  createSarAdc,
  flashOptionsSchema,
  pipelinedOptionsSchema,
  rampOptionsSchema,
  sarOptionsSchema,
} from './converters/adc-types.js'
export type { FlashOptions, PipelinedOptions, RampOptions, SarOptions } from './converters/adc-types.js'
export { createIntegrateFireCounter, IntegrateFireCounter, integrateFireOptionsSchema } from './converters/integrate-fire-counter.js'
export type { IntegrateFireOptions } from './converters/integrate-fire-counter.js'
export { createPrechargeSenseAmp, pcsaErrorProbability, PrechargeSenseAmp, prechargeSenseAmpOptionsSchema } from './converters/precharge-sense-amp.js'
export type { PrechargeSenseAmpOptions } from './converters/precharge-sense-amp.js'
export { codeOfFraction, quantizationLevels } from './converters/quantization-levels.js'
export type { QuantizationLevels } from './converters/quantization-levels.js'
export { SenseAmpBank } from './converters/sense-amp-bank.js'
export { offsetSupplyFactor, senseAmpPhysicsFields, senseAmpSigmasAsFraction } from './converters/sense-amp-physics.js'
export type { SenseAmpPhysics } from './converters/sense-amp-physics.js'
export { createSenseAmpFlash, createVoltageSenseAmp, senseAmpFlashOptionsSchema, voltageSenseAmpOptionsSchema } from './converters/sense-amp-types.js'
export type { SenseAmpFlashOptions, VoltageSenseAmpOptions } from './converters/sense-amp-types.js'
// Input encoders
export { bitPlaneCycles, bitPlaneWeights, encodeBitPlanes } from './encoders/bit-planes.js'
export type { BitPlaneCoding } from './encoders/bit-planes.js'
export { BitSerialEncoder, bitSerialOptionsSchema, createBitSerialEncoder } from './encoders/bit-serial-encoder.js'
export type { BitSerialOptions } from './encoders/bit-serial-encoder.js'
export { createMultiBitDac, MultiBitDac, multiBitDacOptionsSchema } from './encoders/multi-bit-dac.js'
export type { MultiBitDacOptions } from './encoders/multi-bit-dac.js'
export { createPwmEncoder, PwmEncoder, pwmOptionsSchema } from './encoders/pwm-encoder.js'
export type { PwmOptions } from './encoders/pwm-encoder.js'
export { createSpikeEncoder, SpikeEncoder, spikeOptionsSchema } from './encoders/spike-encoder.js'
export type { SpikeOptions } from './encoders/spike-encoder.js'
// Technology
export { describeScaling, resolveDesignPoint } from './technology/design-point.js'
export type { CostAnchor, DesignPoint, ResolvedDesignPoint } from './technology/design-point.js'
export { NOMINAL_SUPPLY_SOURCE, nominalSupplyV } from './technology/nominal-supply.js'
export { registerPeripherals } from './register-peripherals.js'
export { VERSION } from './version.js'

/**
 * DACs and input drivers, ADCs, sense amplifiers and integrate-and-fire counters for cimkit, each
 * with behaviour and a sourced cost model. Registers the 4 input encoders and 9 output converters
 * listed in package.json `cimkit.provides`.
 * @since 0.1.0
 */
export function createPeripheralsPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/peripherals', version: VERSION },
    specificationVersion: 'v1',
    register: registerPeripherals,
  })
}

export default createPeripheralsPlugin()
