import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ResolvedSection } from '@cimkit/core'
import { CimkitError } from '@cimkit/core'
import { selectBackend } from '@cimkit/kernels'
import { createDeviceWeightNoise, isReferenceModelName, readReferenceModelConfig, referenceArchitectures, referenceModelDirectory, trainingConfigSchema, trainModelFromConfig } from '@cimkit/nn'
import type { ReferenceModelConfig, ReferenceModelName, WeightNoise } from '@cimkit/nn'
import { readConfigFile } from '../config/read-config-file.js'
import { composeRunFromData, createSectionComponent } from '../run/compose-run.js'

function readModelConfig(path: string): ReferenceModelConfig {
  const raw = readConfigFile(path) as Partial<ReferenceModelConfig> | null
  if (raw === null || typeof raw !== 'object' || typeof raw.model !== 'string' || (raw.dataset !== 'mnist' && raw.dataset !== 'fashion-mnist')) {
    throw new CimkitError(`${path}: a model config needs "model" (a name), "dataset" (mnist or fashion-mnist), "training" and optionally "architecture" and "description"`)
  }
  trainingConfigSchema.parse(raw.training)
  return { description: '', ...raw } as ReferenceModelConfig
}

/**
 * Device noise of a config whose `training.noise` is `{ type: device, device: <section> }`: the
 * section is resolved and built through the registry exactly as `cimkit run` builds `device`.
 */
async function deviceNoise(config: ReferenceModelConfig, configPath: string): Promise<WeightNoise | undefined> {
  const noise = trainingConfigSchema.parse(config.training).noise
  if (noise?.type !== 'device') return undefined
  const composed = await composeRunFromData({ device: noise.device, run: { seed: config.training.seed } }, configPath)
  try {
    return createDeviceWeightNoise(createSectionComponent(composed, composed.config.device as ResolvedSection & { kind: 'device' }, 'device'))
  } finally {
    await composed.run.dispose()
  }
}

/**
 * `cimkit train <model | config> --out DIR [--backend NAME]`: trains a reference model from its
 * committed config (packages/nn/models/<model>/config.json), or any model config file (a reference
 * architecture with its own training options, e.g. noise injection from a device section), and
 * writes its weights and measured accuracy to DIR, usable as `workload: { model: DIR }`. Progress
 * goes to stderr, the summary to stdout.
 * @since 0.1.0
 */
export async function trainCommand(model: string, flags: { out?: string; backend?: string }): Promise<void> {
  const isFile = !isReferenceModelName(model) && existsSync(model)
  if (!isReferenceModelName(model) && !isFile) throw new CimkitError(`unknown model "${model}" (trainable: ${Object.keys(referenceArchitectures).join(', ')}, or a model config file)`)
  if (flags.out === undefined) throw new CimkitError('--out <directory> is required (the committed models are not overwritten by accident)')
  const configPath = isFile ? resolve(model) : join(referenceModelDirectory(model as ReferenceModelName), 'config.json')
  const config = isFile ? readModelConfig(configPath) : readReferenceModelConfig(model as ReferenceModelName)
  const noise = await deviceNoise(config, configPath)
  const backend = selectBackend(flags.backend ?? 'auto')
  const report = trainModelFromConfig(config, { backend, outDirectory: resolve(flags.out), log: (line) => process.stderr.write(`${line}\n`), ...(noise === undefined ? {} : { noise }) })
  const { history: _history, ...summary } = report
  process.stdout.write(`${JSON.stringify({ ...summary, out: resolve(flags.out) })}\n`)
}
