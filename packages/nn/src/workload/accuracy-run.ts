import type { ActivityV1, ComputeBackendV1, RandomSource } from '@cimkit/core'
import type { ImageDataset } from '../datasets/dataset.js'
import { evaluateAccuracy } from '../execute/evaluate-accuracy.js'
import type { MatmulProvider } from '../execute/matmul-provider.js'
import { createNetworkExecutor } from '../execute/network-executor.js'
import type { Network } from '../ir/network.js'
import { describeNetwork } from './describe-network.js'

/** Signal statistics of one node's output over the evaluated images (float baseline run). @since 0.1.0 */
export interface LayerSignalStatistics {
  readonly op: string
  /** Fraction of output values that are not zero (ReLU sparsity shows here). */
  readonly nonZeroFraction: number
  /** Mean |value|. */
  readonly meanAbs: number
  readonly min: number
  readonly max: number
}

/** @since 0.1.0 */
export interface AccuracyRunResult {
  /** Mean top-1 over trials, fraction in [0, 1] (the baseline when no hardware provider is given). */
  readonly top1: number
  /** Sample standard deviation of top-1 over trials (0 for one trial). */
  readonly std: number
  readonly trials: number
  readonly perTrial: readonly number[]
  /** Top-1 of the float network (software baseline). */
  readonly baseline: number
  readonly samples: number
  /** Digital element operations per inference, by layer (`digital.op`, the activity vocabulary). */
  readonly activity: ActivityV1
  /** Per-node signal statistics from the float run. */
  readonly layers: Readonly<Record<string, LayerSignalStatistics>>
}

/** @since 0.1.0 */
export interface AccuracyRunOptions {
  readonly backend: ComputeBackendV1
  readonly samples?: number
  readonly trials?: number
  readonly random?: RandomSource
  /** Builds the hardware matmul provider of one trial (e.g. programming analog arrays); absent = float baseline only. */
  readonly hardwareMatmul?: (trialRandom: RandomSource, trial: number) => MatmulProvider
  readonly progress?: (fraction: number, label: string) => void
}

/**
 * Accuracy of a network on a dataset: the float baseline (with per-layer signal statistics) and,
 * with a hardware matmul provider, top-1 mean and spread over Monte Carlo trials (each trial's
 * provider gets the independent stream `trial/<t>`).
 * @since 0.1.0
 */
export function runAccuracy(network: Network, dataset: ImageDataset, options: AccuracyRunOptions): AccuracyRunResult {
  const samples = Math.min(options.samples ?? dataset.count, dataset.count)
  const statistics = new Map<string, { op: string; nonZero: number; sumAbs: number; count: number; min: number; max: number }>()
  const observe = (node: { name: string; layer: { op: string } }, output: Float32Array) => {
    let entry = statistics.get(node.name)
    if (entry === undefined) statistics.set(node.name, (entry = { op: node.layer.op, nonZero: 0, sumAbs: 0, count: 0, min: Infinity, max: -Infinity }))
    for (const value of output) {
      if (value !== 0) entry.nonZero++
      entry.sumAbs += Math.abs(value)
      if (value < entry.min) entry.min = value
      if (value > entry.max) entry.max = value
    }
    entry.count += output.length
  }
  // Progress per batch of images, one task per pass (the float baseline, then each trial).
  const reportTo = (label: string) => (imagesDone: number, total: number) => options.progress?.(imagesDone / total, label)
  options.progress?.(0, 'float baseline')
  const baseline = evaluateAccuracy(createNetworkExecutor(network, { backend: options.backend }), dataset, { samples, observe, onBatch: reportTo('float baseline') })
  const perTrial: number[] = []
  const trials = options.hardwareMatmul === undefined ? 0 : (options.trials ?? 1)
  for (let trial = 0; trial < trials; trial++) {
    const label = `trial ${trial + 1}/${trials}`
    options.progress?.(0, label)
    const trialRandom = options.random!.stream('trial', trial)
    const executor = createNetworkExecutor(network, { backend: options.backend, matmul: options.hardwareMatmul!(trialRandom, trial) })
    perTrial.push(evaluateAccuracy(executor, dataset, { samples, onBatch: reportTo(label) }))
  }
  const results = perTrial.length === 0 ? [baseline] : perTrial
  const top1 = results.reduce((sum, value) => sum + value, 0) / results.length
  const std = results.length < 2 ? 0 : Math.sqrt(results.reduce((sum, value) => sum + (value - top1) ** 2, 0) / (results.length - 1))
  const activity: Record<string, Record<string, Record<string, number>>> = {}
  for (const layer of describeNetwork(network).layers) {
    const ops = Object.values(layer.digitalOpsPerInference ?? {}).reduce((sum, value) => sum + value, 0)
    if (ops > 0) activity[layer.name] = { digital: { op: ops } }
  }
  const layers: Record<string, LayerSignalStatistics> = {}
  for (const [name, entry] of statistics) {
    layers[name] = { op: entry.op, nonZeroFraction: entry.nonZero / entry.count, meanAbs: entry.sumAbs / entry.count, min: entry.min, max: entry.max }
  }
  return { top1, std, trials: results.length, perTrial: results, baseline, samples, activity: { layers: activity }, layers }
}
