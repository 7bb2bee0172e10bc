import { InvalidArgumentError } from '@cimkit/core'
import { cellLevels } from '../array/cell-levels.js'
import { ActivityCounter } from '../engine/activity-counter.js'
import type { AnalogMatrixOptions } from '../engine/analog-matrix-options.js'
import { arrayLayout } from '../mapping/array-layout.js'
import { quantizeWeights } from '../mapping/quantize-weights.js'
import { binaryStorage } from './binary-storage.js'
import { PerCellSensedMatrix } from './per-cell-sensed-matrix.js'
import type { BinaryBlock } from './program-binary-cells.js'
import { programBinaryBlock } from './program-binary-cells.js'

/**
 * Programs a weight matrix (rows×columns, row-major, rows = inputs) as ±1 weights for per-cell
 * sensing (`organization.sensing: per-cell`): middleware weight transforms, sign quantization
 * (scale = `weightPercentile` of |w|), tiling on the organization's rows × columns arrays, the
 * device's two lowest/highest level targets on each 2T2R pair or 1T1R cell, programming through the
 * middleware. Reads go through {@link PerCellSensedMatrix}.
 * @example
 * const matrix = programPerCellMatrix(signs, 784, 1024, { organization: { ...bnn, sensing: 'per-cell' }, device,
 *   inputEncoder: null, outputConverter: pcsaXnor, backend: referenceBackend, random: createRandomSource(1) })
 * @since 0.1.0
 */
export function programPerCellMatrix(weights: Float32Array, rows: number, columns: number, options: AnalogMatrixOptions): PerCellSensedMatrix {
  const { organization, device, inputEncoder, outputConverter, backend, random } = options
  const middleware = options.middleware ?? []
  if (inputEncoder !== null) {
    throw new InvalidArgumentError('peripherals.dac', `per-cell sensing takes its inputs digitally (XNOR in the sense amplifier, popcount in logic); remove the input encoder (${inputEncoder.type})`)
  }
  if (outputConverter !== null && outputConverter.bits !== 1) {
    throw new InvalidArgumentError('peripherals.adc', `per-cell sensing decides each cell with a 1-bit sense amplifier (e.g. pcsa, pcsa-xnor), got ${outputConverter.type} with ${String(outputConverter.bits)} bits`)
  }
  const wrapsReads = middleware.find((technique) => technique.wrapMvm !== undefined)
  if (wrapsReads !== undefined) {
    throw new InvalidArgumentError('reliability', `${wrapsReads.type} wraps analog column reads, which per-cell sensing does not have`)
  }
  const { storage, encoding } = binaryStorage(organization)
  const layerName = options.layerName ?? 'matrix'
  let transformed = weights
  for (const [index, technique] of middleware.entries()) {
    if (technique.transformWeights !== undefined) {
      transformed = technique.transformWeights({ layer: layerName, weights: transformed, rows, columns, random: random.stream('transform', index) })
    }
  }
  const { integers, scale } = quantizeWeights(transformed, encoding, options.weightPercentile ?? 100)
  const layout = arrayLayout(rows, columns, organization, encoding, 'columns')
  const levels = cellLevels(device, 1)
  const lowS = levels.targetsS[0]!
  const highS = levels.targetsS[1]!
  const counter = new ActivityCounter()
  const context = { signs: integers, matrixColumns: columns, layout, storage, lowS, highS, device, middleware, random, record: counter.add }
  const blocks: BinaryBlock[] = []
  for (let rowBlock = 0; rowBlock < layout.rowBlocks; rowBlock++) {
    for (let columnBlock = 0; columnBlock < layout.columnBlocks; columnBlock++) blocks.push(programBinaryBlock(context, rowBlock, columnBlock))
  }
  return new PerCellSensedMatrix(
    {
      rows,
      columns,
      layout,
      storage,
      // The fresh midpoint reference in ln R between the two states (paper 004's 1T1R read).
      referenceS: Math.sqrt(lowS * highS),
      blocks,
      weightScale: scale,
      device,
      outputConverter,
      middleware,
      backend,
      random: random.stream('reads'),
    },
    counter,
  )
}
