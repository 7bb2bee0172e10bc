import type { DenseLayer, SplitDenseLayer } from '../../ir/layer.js'
import type { LayerMatrix } from '../../ir/layer-matrices.js'
import { checkProduct } from '../matmul-provider.js'
import type { MatmulFunction } from '../matmul-provider.js'

/** x·W through the matmul function, plus the bias digitally. @since 0.1.0 */
export function denseForward(layer: DenseLayer, matmul: MatmulFunction, input: Float32Array, batch: number): Float32Array {
  const output = Float32Array.from(checkProduct(matmul(input, batch), batch, layer.outputs))
  if (layer.bias !== null) {
    for (let image = 0; image < batch; image++) {
      const base = image * layer.outputs
      for (let column = 0; column < layer.outputs; column++) output[base + column]! += layer.bias[column]!
    }
  }
  return output
}

/** Copies input columns [first, first + rows) of batch×inputs into a contiguous batch×rows array. @since 0.1.0 */
export function sliceInputs(input: Float32Array, batch: number, inputs: number, first: number, rows: number): Float32Array {
  const output = new Float32Array(batch * rows)
  for (let image = 0; image < batch; image++) output.set(input.subarray(image * inputs + first, image * inputs + first + rows), image * rows)
  return output
}

/**
 * Input-split layer: per group, the partial sum is binarized (≥ 0 → +1, else −1; the scale is
 * positive and does not move the threshold) and the ±1 group outputs are summed.
 * @since 0.1.0
 */
export function splitDenseForward(layer: SplitDenseLayer, matrices: readonly LayerMatrix[], matmuls: readonly MatmulFunction[], input: Float32Array, batch: number): Float32Array {
  const output = new Float32Array(batch * layer.outputs)
  matrices.forEach((matrix, group) => {
    const product = checkProduct(matmuls[group]!(sliceInputs(input, batch, layer.inputs, matrix.firstInput, matrix.rows), batch), batch, layer.outputs)
    for (let index = 0; index < output.length; index++) output[index]! += product[index]! >= 0 ? 1 : -1
  })
  return output
}
