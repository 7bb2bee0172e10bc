import { resolve } from 'node:path'
import { CimkitError } from '@cimkit/core'
import { selectBackend } from '@cimkit/kernels'
import { isReferenceModelName, referenceArchitectures, trainReferenceModel } from '@cimkit/nn'

/**
 * `cimkit train <model> --out DIR [--backend NAME]`: trains a reference model from its committed
 * config (packages/nn/models/<model>/config.json) and writes its weights and measured accuracy to
 * DIR, usable as `workload: { model: DIR }`. Progress goes to stderr, the summary to stdout.
 * @since 0.1.0
 */
export function trainCommand(model: string, flags: { out?: string; backend?: string }): void {
  if (!isReferenceModelName(model)) throw new CimkitError(`unknown model "${model}" (trainable: ${Object.keys(referenceArchitectures).join(', ')})`)
  if (flags.out === undefined) throw new CimkitError('--out <directory> is required (the committed models are not overwritten by accident)')
  const backend = selectBackend(flags.backend ?? 'auto')
  const report = trainReferenceModel(model, { backend, outDirectory: resolve(flags.out), log: (line) => process.stderr.write(`${line}\n`) })
  const { history: _history, ...summary } = report
  process.stdout.write(`${JSON.stringify({ ...summary, out: resolve(flags.out) })}\n`)
}
