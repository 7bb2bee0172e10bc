// Measures the relative MVM error of the CrossSim benchmark case (TARGETS.md §3; anchor-crosssim.md
// §8.1–8.2): 1024×1024 W ~ N(0,1), 64 vectors x ~ U[−1,1], one-sided differential cells with 8-bit
// weights (7-bit cells), R 10 kΩ–1 MΩ, 5 % state-proportional Gaussian programming error, 8-bit
// signed DAC, 8-bit ADC with a calibrated range. Run after `npx tsc -p tsconfig.build.json`:
//   node scripts/measure-mvm-error.mjs [N] [trials] [percentile...]
import { createRandomSource } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { MatrixWorkload } from '../dist/index.js'
import { DacEncoder, IdealLevelsDevice, UniformAdc } from '../dist/testing/index.js'

const size = Number(process.argv[2] ?? 1024)
const trials = Number(process.argv[3] ?? 3)
const percentiles = process.argv.slice(4).map(Number)
const hardware = {
  device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null, programmingErrorProportional: 0.05 }),
  inputEncoder: new DacEncoder({ bits: 8, signed: true }),
  outputConverter: new UniformAdc({ bits: 8 }),
  architecture: null,
  middleware: [],
  backend: referenceBackend,
}
for (const percentile of percentiles.length > 0 ? percentiles : [99.99]) {
  for (const adcRange of [{ mode: 'calibrated', percentile }]) {
    const workload = new MatrixWorkload({ rows: size, columns: size, batch: 64, calibrationBatch: 64, adcRange })
    const started = performance.now()
    const result = await workload.evaluate(hardware, { trials, timeS: 0, random: createRandomSource(1), progress: () => {} })
    const { relativeError, std, perTrial } = result.extra.mvm
    console.log(JSON.stringify({ size, percentile, relativeError, std, perTrial, seconds: (performance.now() - started) / 1000 }))
  }
}
// Ablation: the same without converters and without programming error.
const ideal = { ...hardware, inputEncoder: null, outputConverter: null }
const noError = { ...hardware, device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null }) }
for (const [name, variant] of [['programming error only (ideal DAC/ADC)', ideal], ['DAC/ADC only (no programming error)', noError]]) {
  const workload = new MatrixWorkload({ rows: size, columns: size, batch: 64, calibrationBatch: 64 })
  const result = await workload.evaluate(variant, { trials: 1, timeS: 0, random: createRandomSource(1), progress: () => {} })
  console.log(JSON.stringify({ size, variant: name, relativeError: result.extra.mvm.relativeError }))
}
