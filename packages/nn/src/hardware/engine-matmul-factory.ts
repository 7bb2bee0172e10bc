import type { HardwareV1, RandomSource } from '@cimkit/core'
import { CimkitError } from '@cimkit/core'
import type { ActivityCounts, ProgrammedAnalogMatrix } from '@cimkit/engine'
import { programAnalogMatrix } from '@cimkit/engine'
import { referenceBackend } from '@cimkit/kernels'
import { createFloatMatmulProvider } from '../execute/matmul-provider.js'
import type { MatmulProvider } from '../execute/matmul-provider.js'
import type { HardwareMatmulFactory } from '../workload/network-workload.js'
import type { HardwareSimulationOptions } from './hardware-simulation-options.js'
import { matrixReadout } from './matrix-readouts.js'

/** Per-layer activity of every matrix programmed so far, summed over trials. @since 0.1.0 */
export type LayerActivityLedger = Map<string, ActivityCounts[]>

/**
 * The engine behind a network's matrix products: each dense/conv matrix (each conv group and
 * input-split group) is programmed onto arrays of the configured device with the configured
 * converters and middleware, in the architecture's array organization (or the workload's when
 * there is none). `simulation.matrices` picks each matrix's readout: the configured converter, an
 * exact one, or a digital float product off the arrays. Each trial and matrix draws from its own stream (`layer/<name>/group/<g>`), so a
 * trial reproduces in any order. Ranges are calibrated on the first batch a matrix sees.
 * @since 0.1.0
 */
export function createEngineMatmulFactory(simulation: HardwareSimulationOptions, timeS: number, ledger: LayerActivityLedger): HardwareMatmulFactory {
  return (hardware: HardwareV1, trialRandom: RandomSource): MatmulProvider => {
    if (hardware.device === null) throw new CimkitError('A network on hardware needs a device: add a `device` section (or an architecture preset that names one)')
    const device = hardware.device
    const organization = hardware.architecture?.arrays ?? simulation.arrays
    const backend = hardware.backend ?? referenceBackend
    const digital = createFloatMatmulProvider(backend)
    return {
      prepare(request) {
        const readout = matrixReadout(simulation.matrices, request.layerName, request.group)
        if (readout === 'digital') return digital.prepare(request)
        const matrix: ProgrammedAnalogMatrix = programAnalogMatrix(request.weights, request.rows, request.columns, {
          organization,
          device,
          inputEncoder: hardware.inputEncoder,
          outputConverter: readout === 'ideal' ? null : hardware.outputConverter,
          middleware: hardware.middleware,
          backend,
          random: trialRandom.stream('layer', request.layerName, 'group', request.group),
          layerName: request.layerName,
          adcRange: simulation.adcRange,
          inputPercentile: simulation.inputPercentile,
          weightPercentile: simulation.weightPercentile,
          sliceLayout: simulation.sliceLayout,
          partialSums: simulation.partialSums,
          wireResistanceOhm: simulation.wireResistanceOhm,
        })
        const matrices = ledger.get(request.layerName) ?? []
        ledger.set(request.layerName, matrices)
        let calibrated = false
        let index = -1
        return (inputs, batch) => {
          if (!calibrated) {
            // NOTE: ranges come from the first evaluated batch (CrossSim's calibrated mode profiles
            // inputs the same way); `adcRange: { mode: max }` needs no calibration at all.
            matrix.calibrate(inputs, batch)
            calibrated = true
            index = matrices.push(matrix.activity()) - 1
          }
          const output = matrix.mvm(inputs, batch, { timeS })
          matrices[index] = matrix.activity()
          return output
        }
      },
    }
  }
}

/**
 * Activity per inference from a ledger: every matrix's counts summed per layer, divided by the
 * images evaluated over all trials.
 * @since 0.1.0
 */
export function activityPerInference(ledger: LayerActivityLedger, inferences: number): Record<string, Record<string, Record<string, number>>> {
  const layers: Record<string, Record<string, Record<string, number>>> = {}
  for (const [layer, matrices] of ledger) {
    const summed: Record<string, Record<string, number>> = {}
    for (const counts of matrices) {
      for (const [component, actions] of Object.entries(counts)) {
        const target = (summed[component] ??= {})
        for (const [action, count] of Object.entries(actions)) target[action] = (target[action] ?? 0) + count / inferences
      }
    }
    layers[layer] = summed
  }
  return layers
}
