import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { EvaluationResultV1, EvaluationSettingsV1, HardwareV1, NetworkWorkloadV1, RandomSource, WorkloadV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { loadDataset } from '../datasets/load-dataset.js'
import { activityPerInference, createEngineMatmulFactory } from '../hardware/engine-matmul-factory.js'
import { checkMatrixReadouts } from '../hardware/matrix-readouts.js'
import type { LayerActivityLedger } from '../hardware/engine-matmul-factory.js'
import type { MatmulProvider } from '../execute/matmul-provider.js'
import type { Network } from '../ir/network.js'
import { isReferenceModelName, loadNetworkFiles, loadReferenceModel } from '../models/reference-models.js'
import { loadOnnxFile } from '../onnx/import-onnx.js'
import { runAccuracy } from './accuracy-run.js'
import { describeNetwork } from './describe-network.js'
import { networkWorkloadOptionsSchema } from './network-workload-options.js'
import type { NetworkWorkloadOptions } from './network-workload-options.js'

/**
 * Builds the matmul provider for one Monte Carlo trial on the configured hardware (the engine's
 * programmed arrays). nn does not depend on the engine, so the host injects this.
 * @since 0.1.0
 */
export type HardwareMatmulFactory = (hardware: HardwareV1, trialRandom: RandomSource, trial: number) => MatmulProvider

/**
 * Resolves `model`: a built-in name, an .onnx file, or a directory holding network.json + weights.bin.
 * @since 0.1.0
 */
export function loadWorkloadNetwork(model: string, configDirectory: string): Network {
  if (isReferenceModelName(model)) return loadReferenceModel(model).network
  const path = resolve(configDirectory, model)
  if (!existsSync(path)) throw new InvalidArgumentError('model', `"${model}" is neither a built-in model nor an existing file (looked for ${path})`)
  return statSync(path).isDirectory() ? loadNetworkFiles(path) : loadOnnxFile(path)
}

/**
 * A trained network on a dataset: describes its array layers for cost models and evaluates its
 * accuracy (float baseline; hardware trials when a {@link HardwareMatmulFactory} is given).
 * @since 0.1.0
 */
export class NetworkWorkload implements WorkloadV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'network'
  readonly network: Network
  private readonly options: ReturnType<typeof networkWorkloadOptionsSchema.parse>

  constructor(options: NetworkWorkloadOptions, private readonly configDirectory: string, private readonly hardwareMatmul: HardwareMatmulFactory | null = null) {
    this.options = networkWorkloadOptionsSchema.parse(options)
    this.network = loadWorkloadNetwork(this.options.model, configDirectory)
    checkMatrixReadouts(this.options.simulation.matrices, this.network)
  }

  describe(): NetworkWorkloadV1 {
    return describeNetwork(this.network)
  }

  async evaluate(hardware: HardwareV1, settings: EvaluationSettingsV1): Promise<EvaluationResultV1> {
    const { dataset: datasetName, samples, cifar10Path } = this.options
    const dataset = loadDataset(datasetName, 'test', { ...(samples === undefined ? {} : { limit: samples }), ...(cifar10Path === undefined ? {} : { cifar10Path }), baseDirectory: this.configDirectory })
    const inputShape = this.network.input.shape
    if (inputShape.join(',') !== dataset.shape.join(',')) {
      throw new InvalidArgumentError('dataset', `${dataset.name} images are [${dataset.shape.join(', ')}], model ${this.network.name} expects [${inputShape.join(', ')}]`)
    }
    // The engine simulates the arrays unless the host injected another factory or the config asks
    // for the float baseline only; a config without a device cannot run on hardware.
    const ledger: LayerActivityLedger = new Map()
    const onHardware = this.options.onHardware && hardware.device !== null
    const factory = this.hardwareMatmul ?? (onHardware ? createEngineMatmulFactory(this.options.simulation, settings.timeS, ledger) : null)
    const result = runAccuracy(this.network, dataset, {
      backend: hardware.backend ?? referenceBackend,
      trials: settings.trials,
      random: settings.random,
      ...(factory === null ? {} : { hardwareMatmul: (trialRandom: RandomSource, trial: number) => factory(hardware, trialRandom, trial) }),
      progress: settings.progress,
    })
    const arrayActivity = activityPerInference(ledger, result.samples * Math.max(1, result.perTrial.length))
    const layers: Record<string, Record<string, Record<string, number>>> = { ...result.activity.layers }
    for (const [layer, components] of Object.entries(arrayActivity)) layers[layer] = { ...(layers[layer] ?? {}), ...components }
    return {
      accuracy: { top1: result.top1, std: result.std, trials: result.trials, baseline: result.baseline, perTrial: result.perTrial },
      activity: { layers },
      extra: {
        samples: result.samples,
        dataset: dataset.name,
        datasetSource: dataset.source,
        // NOTE: without a hardware matmul factory, top1 is the float baseline (one deterministic trial).
        accuracyMode: factory === null ? 'float-baseline' : 'hardware',
        layerSignals: result.layers,
      },
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options, network: this.network.name }
  }
}
