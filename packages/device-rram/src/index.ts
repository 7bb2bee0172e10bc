import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { createMeasuredDevice } from './measured/create-measured-device.js'
import { measuredOptionsSchema } from './measured/measured-options.js'
import { rramPresets } from './presets/rram-presets.js'
import { RramDevice } from './rram-device.js'
import { rramOptionsSchema } from './rram-options.js'
import { resolveRramParameters } from './resolve-rram-parameters.js'
import { VERSION } from './version.js'

/**
 * RRAM devices for cimkit: `rram` (binary, multi-level or analog cells, with presets from the papers)
 * and `measured` (a device fitted from measured conductances by `fitMeasuredDevice`).
 * @since 0.1.0
 */
export function createRramPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/device-rram', version: VERSION },
    specificationVersion: 'v1',
    presets: rramPresets,
    register(registrar) {
      registrar.device('rram', {
        description: 'RRAM cell: binary, multi-level or analog; programming error, variation, stuck cells, read noise and disturb, retention, endurance',
        optionsSchema: rramOptionsSchema,
        create: (options) => new RramDevice('rram', resolveRramParameters(options), options),
      })
      registrar.device('measured', {
        description: 'A device fitted from measured conductances (`cimkit device fit`)',
        optionsSchema: measuredOptionsSchema,
        create: (options, context) => createMeasuredDevice(options, context.configDirectory),
      })
    },
  })
}

export default createRramPlugin()

export { analyticBitErrorRates, simulateBitErrorRates } from './binary/bit-error-rates.js'
export type { BitErrorRates, LognormalResistanceState } from './binary/bit-error-rates.js'
export { findHfo2ProgrammingRegime } from './binary/find-hfo2-programming-regime.js'
export { hfo2ProgrammingRegimes, PCSA_DECISION_SIGMA_LN } from './binary/hfo2-programming-regimes.js'
export { hfo2RegimeBitErrorRates } from './binary/regime-bit-error-rates.js'
export type { Hfo2ProgrammingRegime } from './binary/hfo2-programming-regimes.js'
export { createRramDevice } from './create-rram-device.js'
export { LevelSampler } from './distributions/level-sampler.js'
export { programmingErrorSchema } from './distributions/programming-error-options.js'
export type { ProgrammingError, ProgrammingErrorOptions } from './distributions/programming-error-options.js'
export { agedWindowLoss } from './effects/aging.js'
export { weibullFailedFraction } from './effects/endurance.js'
export { createMeasuredDevice, measuredToRramOptions, readMeasuredDeviceFile } from './measured/create-measured-device.js'
export { fitGaussianMixture } from './measured/fit-gaussian-mixture.js'
export type { GaussianComponent, GaussianMixtureFit } from './measured/fit-gaussian-mixture.js'
export { fitMeasuredDevice } from './measured/fit-measured-device.js'
export type { FitMeasuredDeviceOptions } from './measured/fit-measured-device.js'
export { measuredDeviceDescriptionSchema } from './measured/measured-device-description.js'
export type { MeasuredDeviceDescription } from './measured/measured-device-description.js'
export { measuredOptionsSchema } from './measured/measured-options.js'
export type { MeasuredOptions } from './measured/measured-options.js'
export { MeasurementsCsvError } from './measured/measurements-csv-error.js'
export { parseMeasurementsCsv } from './measured/parse-measurements-csv.js'
export type { Measurement } from './measured/parse-measurements-csv.js'
export { rramPresets } from './presets/rram-presets.js'
export { RramDevice } from './rram-device.js'
export { agingSchema, enduranceSchema, programmingConditionsSchema, readDisturbSchema, readNoiseSchema, retentionSchema, rramCostSchema, rramOptionsSchema, writeVerifySchema } from './rram-options.js'
export type { RramOptions, RramOptionsOutput } from './rram-options.js'
export { resolveRramParameters, RRAM_DEFAULTS } from './resolve-rram-parameters.js'
export type { RramParameters } from './resolve-rram-parameters.js'
