import type { ComputeBackendV1, RandomSource } from '@cimkit/core'
import { createRandomSource, InvalidArgumentError } from '@cimkit/core'
import { gatherBatch } from '../datasets/dataset.js'
import type { ImageDataset } from '../datasets/dataset.js'
import { evaluateAccuracy } from '../execute/evaluate-accuracy.js'
import { createNetworkExecutor } from '../execute/network-executor.js'
import type { Network } from '../ir/network.js'
import { createAdamOptimizer, createSgdOptimizer } from './optimizer.js'
import type { Optimizer } from './optimizer.js'
import type { TrainingProgress } from './progress.js'
import { TrainableNetwork } from './trainable-network.js'
import { trainingConfigSchema } from './training-config.js'
import type { TrainingConfig, TrainingConfigInput } from './training-config.js'
import { createGaussianWeightNoise } from './weight-transform.js'
import type { WeightNoise } from './weight-transform.js'

/** @since 0.1.0 */
export interface TrainNetworkOptions {
  /** GEMM and im2col for the forward and backward passes (the fast backend when available). */
  readonly backend: ComputeBackendV1
  readonly config: TrainingConfigInput
  readonly train: ImageDataset
  /** Evaluated (float, eval mode) after every epoch when given. */
  readonly test?: ImageDataset
  /** Test images evaluated per epoch (default: all). */
  readonly testSamples?: number
  /** Weight noise for hardware-aware training, e.g. `createDeviceWeightNoise(device)`; overrides `config.noise` (required when it is `device`). */
  readonly noise?: WeightNoise
  readonly onProgress?: (progress: TrainingProgress) => void
  /** Called after every epoch with its record (loss, accuracies, seconds). */
  readonly onEpoch?: (record: EpochRecord) => void
  /** Steps between progress reports (default 50). */
  readonly progressEverySteps?: number
}

/** @since 0.1.0 */
export interface EpochRecord {
  readonly epoch: number
  readonly learningRate: number
  readonly loss: number
  /** Accuracy on the training minibatches during the epoch (train mode). */
  readonly trainAccuracy: number
  readonly testAccuracy: number | null
  readonly seconds: number
}

/** @since 0.1.0 */
export interface TrainResult {
  readonly network: Network
  readonly config: TrainingConfig
  readonly history: readonly EpochRecord[]
}

/**
 * Softmax cross-entropy averaged over the batch; writes dLoss/dlogits into `gradient` and returns
 * [loss sum, correct count].
 * @since 0.1.0
 */
export function softmaxCrossEntropy(logits: Float32Array, labels: Uint8Array, batch: number, classes: number, gradient: Float32Array): [number, number] {
  let loss = 0
  let correct = 0
  for (let image = 0; image < batch; image++) {
    const base = image * classes
    let max = -Infinity
    let best = 0
    for (let index = 0; index < classes; index++) {
      if (logits[base + index]! > max) {
        max = logits[base + index]!
        best = index
      }
    }
    let sum = 0
    for (let index = 0; index < classes; index++) sum += Math.exp(logits[base + index]! - max)
    const label = labels[image]!
    loss += Math.log(sum) - (logits[base + label]! - max)
    if (best === label) correct++
    for (let index = 0; index < classes; index++) {
      gradient[base + index] = (Math.exp(logits[base + index]! - max) / sum - (index === label ? 1 : 0)) / batch
    }
  }
  return [loss, correct]
}

function shuffle(count: number, random: RandomSource): Uint32Array {
  const order = new Uint32Array(count)
  for (let index = 0; index < count; index++) order[index] = index
  for (let index = count - 1; index > 0; index--) {
    const other = random.nextUint32() % (index + 1)
    const swap = order[index]!
    order[index] = order[other]!
    order[other] = swap
  }
  return order
}

function configuredNoise(config: TrainingConfig): WeightNoise | null {
  if (config.noise === undefined) return null
  if (config.noise.type === 'gaussian') return createGaussianWeightNoise(config.noise.relativeStd)
  // The device is a registry component: nn cannot build it; the host (cimkit train) does.
  throw new InvalidArgumentError('noise', `device noise (device "${config.noise.device.type ?? config.noise.device.preset ?? '?'}") needs the device model: pass options.noise = createDeviceWeightNoise(device), as cimkit train does`)
}

function createOptimizer(config: TrainingConfig): Optimizer {
  const { optimizer } = config
  return optimizer.type === 'adam' ? createAdamOptimizer(optimizer) : createSgdOptimizer(optimizer)
}

/**
 * Trains a network with minibatch gradient descent on softmax cross-entropy. Seeded: the same
 * network, config and data give the same weights (shuffling uses stream `shuffle/epoch`, noise
 * stream `noise/step`, both from `config.seed`). Float, quantization-aware, hardware-aware (weight
 * noise, clipping) and binarized (straight-through) training are selected by the config.
 * @since 0.1.0
 */
export function trainNetwork(network: Network, options: TrainNetworkOptions): TrainResult {
  const config = trainingConfigSchema.parse(options.config)
  const random = createRandomSource(config.seed)
  let step = 0
  const noise = options.noise ?? configuredNoise(config)
  const trainable = new TrainableNetwork(network, { backend: options.backend, config, noise, stepRandom: () => random.stream('noise', step) })
  const optimizer = createOptimizer(config)
  const samples = Math.min(config.trainSamples ?? options.train.count, options.train.count)
  const sampleSize = options.train.shape[0] * options.train.shape[1] * options.train.shape[2]
  const classes = network.outputShape[0]!
  const stepsPerEpoch = Math.ceil(samples / config.batchSize)
  const totalSteps = stepsPerEpoch * config.epochs
  const images = new Float32Array(config.batchSize * sampleSize)
  const labels = new Uint8Array(config.batchSize)
  const gradient = new Float32Array(config.batchSize * classes)
  const history: EpochRecord[] = []
  const started = performance.now()
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    const epochStarted = performance.now()
    const learningRate = config.optimizer.learningRate * config.learningRateDecay ** epoch
    const order = shuffle(samples, random.stream('shuffle', epoch))
    let lossSum = 0
    let correct = 0
    let seen = 0
    for (let batchIndex = 0; batchIndex < stepsPerEpoch; batchIndex++) {
      const start = batchIndex * config.batchSize
      const batch = Math.min(config.batchSize, samples - start)
      gatherBatch(options.train, order.subarray(start, start + batch), images, labels)
      for (const parameter of trainable.parameters) parameter.gradient.fill(0)
      const logits = trainable.forward(images.subarray(0, batch * sampleSize), batch, true)
      const [loss, hits] = softmaxCrossEntropy(logits, labels, batch, classes, gradient)
      trainable.backward(gradient.subarray(0, batch * classes), batch)
      optimizer.step(trainable.parameters, learningRate)
      step++
      lossSum += loss
      correct += hits
      seen += batch
      if (options.onProgress !== undefined && (batchIndex + 1 === stepsPerEpoch || step % (options.progressEverySteps ?? 50) === 0)) {
        const elapsedS = (performance.now() - started) / 1000
        options.onProgress({ epoch: epoch + 1, epochs: config.epochs, step: batchIndex + 1, stepsPerEpoch, fraction: step / totalSteps, loss: lossSum / seen, elapsedS, etaS: (elapsedS / step) * (totalSteps - step) })
      }
    }
    const testAccuracy = options.test === undefined ? null : evaluateAccuracy(createNetworkExecutor(trainable.export(), { backend: options.backend }), options.test, options.testSamples === undefined ? {} : { samples: options.testSamples })
    const record = { epoch: epoch + 1, learningRate, loss: lossSum / seen, trainAccuracy: correct / seen, testAccuracy, seconds: (performance.now() - epochStarted) / 1000 }
    history.push(record)
    options.onEpoch?.(record)
  }
  return { network: trainable.export(), config, history }
}
