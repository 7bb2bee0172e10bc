#!/usr/bin/env node
// Float accuracy run of a model on a test split, as JSON: top-1 (mean and spread over trials when
// a hardware provider is plugged in; here the float baseline), per-layer activity and signal
// statistics. Run from packages/nn after building (`pnpm build`):
//   node scripts/accuracy-run.mjs lenet5-mnist mnist [--samples 2000] [--backend auto]
// Model: a built-in name, an .onnx file or a network directory (paths relative to the working directory).
import { parseArgs } from 'node:util'
import { loadDataset, loadWorkloadNetwork, runAccuracy } from '../dist/index.js'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { samples: { type: 'string' }, backend: { type: 'string', default: 'auto' }, cifar10: { type: 'string' } } })
const [model, dataset] = positionals
if (model === undefined || !['mnist', 'fashion-mnist', 'cifar10'].includes(dataset ?? '')) {
  console.error('usage: accuracy-run.mjs <model> <mnist|fashion-mnist|cifar10> [--samples N] [--backend name] [--cifar10 dir]')
  process.exit(1)
}
const kernels = await import('@cimkit/kernels')
const backend = typeof kernels.selectBackend === 'function' ? kernels.selectBackend(values.backend) : kernels.referenceBackend
const network = loadWorkloadNetwork(model, process.cwd())
const limit = values.samples === undefined ? {} : { limit: Number(values.samples) }
const test = loadDataset(dataset, 'test', { ...limit, ...(values.cifar10 === undefined ? {} : { cifar10Path: values.cifar10 }) })
const started = performance.now()
const result = runAccuracy(network, test, { backend })
console.log(JSON.stringify({ model, dataset: test.name, backend: backend.name, wallS: (performance.now() - started) / 1000, ...result }, null, 2))
