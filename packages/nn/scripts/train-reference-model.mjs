#!/usr/bin/env node
// Trains one reference model from its committed config and writes its weights and measured
// accuracy into models/<name>/ (the same as `cimkit train <name> --out packages/nn/models/<name>`).
// Run from packages/nn after building (`pnpm build`):
//   node scripts/train-reference-model.mjs lenet5-mnist [--backend auto|native|wasm-simd|reference]
import { parseArgs } from 'node:util'
import { selectBackend } from '@cimkit/kernels'
import { isReferenceModelName, referenceArchitectures, referenceModelDirectory, trainReferenceModel } from '../dist/index.js'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { backend: { type: 'string', default: 'auto' } } })
const name = positionals[0]
if (name === undefined || !isReferenceModelName(name)) {
  console.error(`usage: train-reference-model.mjs <${Object.keys(referenceArchitectures).join('|')}> [--backend name]`)
  process.exit(1)
}
trainReferenceModel(name, { backend: selectBackend(values.backend), outDirectory: referenceModelDirectory(name), log: (line) => console.log(line) })
