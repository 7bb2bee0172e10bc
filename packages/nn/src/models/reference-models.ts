import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { NetworkError } from '../errors/network-error.js'
import type { Network } from '../ir/network.js'
import { trainingConfigSchema } from '../train/training-config.js'
import type { TrainingConfigInput } from '../train/training-config.js'
import { parseNetworkFile, serializeNetwork } from './network-file.js'
import type { NetworkFileV1 } from './network-file.js'

/** The built-in trained models, by name. @since 0.1.0 */
export const referenceModelNames = ['mlp-mnist', 'lenet5-mnist', 'bnn-mnist', 'cnn-fashion', 'bnn-split-mnist'] as const

/** @since 0.1.0 */
export type ReferenceModelName = (typeof referenceModelNames)[number]

/** A reference model's committed training config (`models/<name>/config.json`). @since 0.1.0 */
export interface ReferenceModelConfig {
  readonly model: string
  /** The `referenceArchitectures` entry to train (default: `model`); lets a variant reuse an architecture. @since 0.2.0 */
  readonly architecture?: string
  readonly description: string
  readonly dataset: 'mnist' | 'fashion-mnist'
  readonly training: TrainingConfigInput
}

/** The float accuracy measured after training (`models/<name>/accuracy.json`), written by the training script. @since 0.1.0 */
export interface ReferenceModelAccuracy {
  readonly model: string
  readonly dataset: string
  readonly testSamples: number
  /** Top-1 on the test split, fraction in [0, 1]. */
  readonly top1: number
  readonly backend: string
  readonly trainingSeconds: number
  readonly measuredAt: string
  readonly history: readonly Record<string, unknown>[]
}

/** Checks a name against the built-in models. @since 0.1.0 */
export function isReferenceModelName(name: string): name is ReferenceModelName {
  return (referenceModelNames as readonly string[]).includes(name)
}

/**
 * Directory of a reference model: `models/<name>` at the package root (the same relative path
 * from `src/models` and `dist/models`).
 * @since 0.1.0
 */
export function referenceModelDirectory(name: ReferenceModelName): string {
  return fileURLToPath(new URL(`../../models/${name}/`, import.meta.url))
}

/** Reads a model's committed training config. @since 0.1.0 */
export function readReferenceModelConfig(name: ReferenceModelName): ReferenceModelConfig {
  const config = JSON.parse(readFileSync(join(referenceModelDirectory(name), 'config.json'), 'utf8')) as ReferenceModelConfig
  trainingConfigSchema.parse(config.training)
  return config
}

/** Writes `network.json` and `weights.bin` into a directory. @since 0.1.0 */
export function saveNetworkFiles(network: Network, directory: string): void {
  mkdirSync(directory, { recursive: true })
  const { file, weights } = serializeNetwork(network)
  writeFileSync(join(directory, 'network.json'), `${JSON.stringify(file, null, 1)}\n`)
  writeFileSync(join(directory, 'weights.bin'), weights)
}

/** Reads `network.json` and `weights.bin` from a directory. @since 0.1.0 */
export function loadNetworkFiles(directory: string): Network {
  const path = join(directory, 'network.json')
  if (!existsSync(path)) throw new NetworkError(null, `${path} does not exist (was the model trained? see scripts/train-reference-model.mjs)`)
  const file = JSON.parse(readFileSync(path, 'utf8')) as NetworkFileV1
  return parseNetworkFile(file, new Uint8Array(readFileSync(join(directory, 'weights.bin'))))
}

/**
 * A trained built-in model with its config and measured float accuracy.
 * @example loadReferenceModel('lenet5-mnist').accuracy?.top1 // the committed measurement
 * @since 0.1.0
 */
export function loadReferenceModel(name: ReferenceModelName): { network: Network; config: ReferenceModelConfig; accuracy: ReferenceModelAccuracy | null } {
  const directory = referenceModelDirectory(name)
  const accuracyPath = join(directory, 'accuracy.json')
  return {
    network: loadNetworkFiles(directory),
    config: readReferenceModelConfig(name),
    accuracy: existsSync(accuracyPath) ? (JSON.parse(readFileSync(accuracyPath, 'utf8')) as ReferenceModelAccuracy) : null,
  }
}
