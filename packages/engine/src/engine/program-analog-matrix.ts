import { InvalidArgumentError } from '@cimkit/core'
import { cellSensingOf } from '../binary/cell-sensing.js'
import { programPerCellMatrix } from '../binary/program-per-cell-matrix.js'
import { cellLevels } from '../array/cell-levels.js'
import type { ProgrammedBlock } from '../array/programmed-block.js'
import { programBlock } from '../array/programmed-block.js'
import { profileEncoder } from '../encoding/encoder-profile.js'
import { arrayLayout } from '../mapping/array-layout.js'
import { quantizeWeights } from '../mapping/quantize-weights.js'
import { weightEncoding } from '../mapping/weight-encoding.js'
import { ActivityCounter } from './activity-counter.js'
import type { AnalogMatrixOptions, ProgrammedAnalogMatrix } from './analog-matrix-options.js'
import { CrossbarMatrix } from './crossbar-matrix.js'
import { engineOptionsSchema } from './engine-options.js'
import { StageRanges } from './stage-ranges.js'

const ENGINE_KEYS = ['adcRange', 'inputRange', 'inputPercentile', 'weightPercentile', 'sliceLayout', 'partialSums', 'wireResistanceOhm', 'idleRows', 'irDropRelativeTolerance'] as const

/**
 * Programs a weight matrix (rows×columns, row-major, rows = inputs) onto arrays of the given
 * device: middleware weight transforms, quantization to B_w-bit integers, the signed mapping and
 * bit slicing of the organization, tiling onto rows×columns arrays, target conductances on the
 * device's levels, programming through the middleware. Randomness comes from `options.random`
 * (streams per block and array), so a Monte Carlo trial is one call with `random.stream('trial', t)`.
 * An organization with `sensing: 'per-cell'` (binary weights read synapse by synapse, paper 004's
 * sense amplifiers) is programmed and read by `programPerCellMatrix` instead.
 * @example
 * const matrix = programAnalogMatrix(weights, 256, 64, { organization, device, inputEncoder: null,
 *   outputConverter: null, backend: referenceBackend, random: createRandomSource(1) })
 * const y = matrix.mvm(x, batch) // ≈ x·W
 * @since 0.1.0
 */
export function programAnalogMatrix(weights: Float32Array, rows: number, columns: number, options: AnalogMatrixOptions): ProgrammedAnalogMatrix {
  if (weights.length !== rows * columns) throw new InvalidArgumentError('weights', `expected ${rows}×${columns} = ${rows * columns} values, got ${weights.length}`)
  const engineInput: Record<string, unknown> = {}
  for (const key of ENGINE_KEYS) if (options[key] !== undefined) engineInput[key] = options[key]
  const parsed = engineOptionsSchema.safeParse(engineInput)
  if (!parsed.success) throw new InvalidArgumentError('engine options', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '))
  const engine = parsed.data
  if (cellSensingOf(options.organization) === 'per-cell') return programPerCellMatrix(weights, rows, columns, { ...options, weightPercentile: engine.weightPercentile })
  const { organization, device, inputEncoder, outputConverter, backend, random } = options
  const middleware = options.middleware ?? []
  if (organization.conversion !== 'per-input-bit' && organization.conversion !== 'after-accumulation') {
    throw new InvalidArgumentError('organization.conversion', `expected per-input-bit or after-accumulation, got ${String(organization.conversion)}`)
  }
  const encoding = weightEncoding(organization)
  if (encoding.flip && engine.partialSums === 'analog') {
    throw new InvalidArgumentError('partialSums', 'biased-flipped decodes each array column digitally, so row blocks cannot be summed in analog')
  }
  const layerName = options.layerName ?? 'matrix'
  let transformed = weights
  for (const [index, technique] of middleware.entries()) {
    if (technique.transformWeights !== undefined) {
      transformed = technique.transformWeights({ layer: layerName, weights: transformed, rows, columns, random: random.stream('transform', index) })
    }
  }
  const { integers, scale } = quantizeWeights(transformed, encoding, engine.weightPercentile)
  const layout = arrayLayout(rows, columns, organization, encoding, engine.sliceLayout)
  const levels = cellLevels(device, encoding.bitsPerCell)
  const counter = new ActivityCounter()
  const context = { integers, matrixColumns: columns, layout, encoding, levels, device, middleware, random, record: counter.add }
  const blocks: ProgrammedBlock[][] = []
  for (let rowBlock = 0; rowBlock < layout.rowBlocks; rowBlock++) {
    const row: ProgrammedBlock[] = []
    for (let columnBlock = 0; columnBlock < layout.columnBlocks; columnBlock++) row.push(programBlock(context, rowBlock, columnBlock))
    blocks.push(row)
  }
  const profile = profileEncoder(inputEncoder)
  const rowsPerConversion = engine.partialSums === 'analog' ? rows : Math.min(organization.rows, rows)
  const ranges = new StageRanges(engine.adcRange, encoding, levels, profile, rowsPerConversion, outputConverter?.bits ?? null)
  const readContext = {
    backend,
    device,
    layout,
    encoding,
    levels,
    middleware,
    counter,
    wireResistanceOhm: engine.wireResistanceOhm,
    idleRows: engine.idleRows,
    disturbance: { version: 0 },
    irDropRelativeTolerance: engine.irDropRelativeTolerance,
  }
  return new CrossbarMatrix({
    rows,
    columns,
    organization,
    engine,
    inputEncoder,
    outputConverter,
    readContext,
    blocks,
    weightScale: scale,
    levels,
    profile,
    ranges,
    counter,
    random: random.stream('reads'),
    layerName,
  })
}
