#!/usr/bin/env node
// Trains one reference model from its committed config and writes its weights and measured
// accuracy into models/<name>/. Run from packages/nn after building (`pnpm build`):
//   node scripts/train-reference-model.mjs lenet5-mnist [--backend auto|native|wasm-simd|reference] [--kernels <module>]
// The backend comes from @cimkit/kernels' selectBackend when it exists (else the reference
// backend); `--kernels` names another module exporting selectBackend/referenceBackend.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createRandomSource } from '@cimkit/core'
import {
  createNetworkExecutor, evaluateAccuracy, formatTrainingProgress, isReferenceModelName, loadDataset, loadNetworkFiles, readReferenceModelConfig,
  referenceArchitectures, referenceModelDirectory, saveNetworkFiles, trainNetwork,
} from '../dist/index.js'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { backend: { type: 'string', default: 'auto' }, kernels: { type: 'string', default: '@cimkit/kernels' } } })
const name = positionals[0]
if (name === undefined || !isReferenceModelName(name)) {
  console.error(`usage: train-reference-model.mjs <${Object.keys(referenceArchitectures).join('|')}> [--backend name] [--kernels module]`)
  process.exit(1)
}
const kernels = await import(values.kernels)
const backend = typeof kernels.selectBackend === 'function' ? kernels.selectBackend(values.backend) : kernels.referenceBackend
const config = readReferenceModelConfig(name)
const train = loadDataset(config.dataset, 'train')
const test = loadDataset(config.dataset, 'test')
console.log(`${name}: ${config.description}\nbackend ${backend.name}; ${train.count} training and ${test.count} test images (${train.source})`)

// Initialization draws from the stream 'init' of the training seed, so config + seed fix the weights.
const initial = referenceArchitectures[name](createRandomSource(config.training.seed).stream('init'))
const started = performance.now()
let lastLine = 0
const describeEpoch = (epoch) =>
  `epoch ${epoch.epoch}: loss ${epoch.loss.toFixed(4)} train ${(100 * epoch.trainAccuracy).toFixed(2)}% test ${(100 * (epoch.testAccuracy ?? 0)).toFixed(2)}% (${epoch.seconds.toFixed(0)} s)`
const result = trainNetwork(initial, {
  backend, config: config.training, train, test,
  onEpoch: (epoch) => console.log(describeEpoch(epoch)),
  onProgress: (progress) => {
    if (performance.now() - lastLine > 10_000 || progress.step === progress.stepsPerEpoch) {
      lastLine = performance.now()
      console.log(formatTrainingProgress(progress))
    }
  },
})
const trainingSeconds = (performance.now() - started) / 1000

const directory = referenceModelDirectory(name)
saveNetworkFiles(result.network, directory)
// Measured on the network as stored (re-read from disk), through the float executor.
const top1 = evaluateAccuracy(createNetworkExecutor(loadNetworkFiles(directory), { backend }), test)
const accuracy = {
  model: name, dataset: `${config.dataset}/test`, testSamples: test.count, top1, backend: backend.name,
  trainingSeconds: Math.round(trainingSeconds), measuredAt: new Date().toISOString(), history: result.history,
}
writeFileSync(join(directory, 'accuracy.json'), `${JSON.stringify(accuracy, null, 2)}\n`)
console.log(`${name}: top-1 ${(100 * top1).toFixed(2)}% on ${test.count} test images, trained in ${trainingSeconds.toFixed(0)} s`)
