import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ComputeBackendV1 } from '@cimkit/core'
import { createRandomSource, InvalidArgumentError } from '@cimkit/core'
import { loadDataset } from '../datasets/load-dataset.js'
import { evaluateAccuracy } from '../execute/evaluate-accuracy.js'
import { createNetworkExecutor } from '../execute/network-executor.js'
import { formatTrainingProgress } from '../train/progress.js'
import { trainNetwork } from '../train/train-network.js'
import type { WeightNoise } from '../train/weight-transform.js'
import { referenceArchitectures } from './architectures.js'
import type { ReferenceModelConfig, ReferenceModelName } from './reference-models.js'
import { loadNetworkFiles, readReferenceModelConfig, saveNetworkFiles } from './reference-models.js'

/** What one training of a reference model measured. @since 0.1.0 */
export interface TrainedModelReport {
  readonly model: string
  readonly dataset: string
  readonly testSamples: number
  /** Top-1 of the stored network on the whole test split, fraction. */
  readonly top1: number
  readonly backend: string
  readonly trainingSeconds: number
  readonly history: readonly unknown[]
}

/** @since 0.2.0 */
export interface TrainModelOptions {
  readonly backend: ComputeBackendV1
  readonly outDirectory: string
  readonly log: (line: string) => void
  /** Weight noise built by the host, required when `training.noise` is `device` (`createDeviceWeightNoise(device)`). */
  readonly noise?: WeightNoise
}

/**
 * Trains a reference model from its committed config (architecture, optimizer, epochs, seed) and
 * writes `network.json`, `weights.bin` and `accuracy.json` into `outDirectory`. Config and seed fix
 * the initial weights (stream `init`) and the batch order, so a training reproduces. The accuracy is
 * measured on the network as stored (re-read from disk), through the float executor. Behind
 * `cimkit train` and `scripts/train-reference-model.mjs`.
 * @since 0.1.0
 */
export function trainReferenceModel(name: ReferenceModelName, options: TrainModelOptions): TrainedModelReport {
  return trainModelFromConfig(readReferenceModelConfig(name), options)
}

/**
 * `trainReferenceModel` for any model config (`cimkit train path/to/config.json`): the network is
 * the reference architecture `config.architecture` (default: `config.model`), so a variant of a
 * reference model (e.g. the MLP trained with device noise) needs only a config file.
 * @since 0.2.0
 */
export function trainModelFromConfig(config: ReferenceModelConfig, options: TrainModelOptions): TrainedModelReport {
  const architecture = config.architecture ?? config.model
  const build = referenceArchitectures[architecture]
  if (build === undefined) throw new InvalidArgumentError('architecture', `unknown architecture "${architecture}" (known: ${Object.keys(referenceArchitectures).join(', ')})`)
  const name = config.model
  const train = loadDataset(config.dataset, 'train')
  const test = loadDataset(config.dataset, 'test')
  options.log(`${name}: ${config.description}\nbackend ${options.backend.name}; ${train.count} training and ${test.count} test images (${train.source})`)
  const initial = build(createRandomSource(config.training.seed).stream('init'))
  const started = performance.now()
  let lastLine = 0
  const result = trainNetwork(initial, {
    backend: options.backend,
    config: config.training,
    train,
    test,
    ...(options.noise === undefined ? {} : { noise: options.noise }),
    onEpoch: (epoch) => options.log(`epoch ${epoch.epoch}: loss ${epoch.loss.toFixed(4)} train ${(100 * epoch.trainAccuracy).toFixed(2)}% test ${(100 * (epoch.testAccuracy ?? 0)).toFixed(2)}% (${epoch.seconds.toFixed(0)} s)`),
    onProgress: (progress) => {
      if (performance.now() - lastLine > 10_000 || progress.step === progress.stepsPerEpoch) {
        lastLine = performance.now()
        options.log(formatTrainingProgress(progress))
      }
    },
  })
  const trainingSeconds = Math.round((performance.now() - started) / 1000)
  mkdirSync(options.outDirectory, { recursive: true })
  saveNetworkFiles(result.network, options.outDirectory)
  const top1 = evaluateAccuracy(createNetworkExecutor(loadNetworkFiles(options.outDirectory), { backend: options.backend }), test)
  const report: TrainedModelReport = { model: name, dataset: `${config.dataset}/test`, testSamples: test.count, top1, backend: options.backend.name, trainingSeconds, history: result.history }
  writeFileSync(join(options.outDirectory, 'accuracy.json'), `${JSON.stringify({ ...report, measuredAt: new Date().toISOString() }, null, 2)}\n`)
  options.log(`${name}: top-1 ${(100 * top1).toFixed(2)}% on ${test.count} test images, trained in ${trainingSeconds} s`)
  return report
}
