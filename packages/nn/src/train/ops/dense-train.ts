import { sliceInputs } from '../../execute/ops/dense.js'
import type { DenseLayer, SplitDenseLayer } from '../../ir/layer.js'
import { addColumnSums, transpose } from '../matrix-helpers.js'
import { createParameter } from '../parameter.js'
import { ArrayWeights } from '../train-node.js'
import type { TrainContext, TrainNode } from '../train-node.js'

/** Trainable dense layer: y = x·W + b; dW = xᵀ·dy, db = Σ dy, dx = dy·Wᵀ. @since 0.1.0 */
export function createDenseTrainNode(name: string, layer: DenseLayer, context: TrainContext, needsInputGradient: boolean): TrainNode {
  const { inputs, outputs } = layer
  const weights = new ArrayWeights(name, layer.weight, context)
  const bias = layer.bias === null ? null : createParameter(`${name}.bias`, Float32Array.from(layer.bias))
  let input: Float32Array = new Float32Array(0)
  const transposed = new Float32Array(inputs * outputs)
  return {
    parameters: bias === null ? [weights.weight] : [weights.weight, bias],
    forward([x], batch, training) {
      input = weights.input(x!, training)
      const w = weights.refresh(training)
      const output = new Float32Array(batch * outputs)
      context.backend.gemm({ m: batch, n: outputs, k: inputs, a: input, b: w, c: output })
      if (bias !== null) {
        for (let image = 0; image < batch; image++) for (let column = 0; column < outputs; column++) output[image * outputs + column]! += bias.values[column]!
      }
      return output
    },
    backward(gradient, batch) {
      context.backend.gemm({ m: inputs, n: outputs, k: batch, a: input, transposeA: true, b: gradient, c: weights.weight.gradient, beta: 1 })
      if (bias !== null) addColumnSums(gradient, batch, outputs, bias.gradient)
      if (!needsInputGradient) return [null]
      const inputGradient = new Float32Array(batch * inputs)
      context.backend.gemm({ m: batch, n: inputs, k: outputs, a: gradient, b: transpose(weights.effective, inputs, outputs, transposed), c: inputGradient })
      weights.maskInputGradient(inputGradient)
      return [inputGradient]
    },
    export: () => ({ ...layer, weight: weights.exported(), bias: bias === null ? null : Float32Array.from(bias.values) }),
  }
}

/**
 * Trainable input-split layer (paper 002): per group g, s_g = x_g·W_g, y = Σ_g sign(s_g·scale).
 * The sign's gradient is the straight-through hardtanh window: ds_g = dy·scale where |s_g·scale| ≤ 1.
 * @since 0.1.0
 */
export function createSplitDenseTrainNode(name: string, layer: SplitDenseLayer, context: TrainContext, needsInputGradient: boolean): TrainNode {
  const { inputs, outputs, groupSize, scale } = layer
  const weights = new ArrayWeights(name, layer.weight, context)
  const groups: { first: number; rows: number }[] = []
  for (let first = 0; first < inputs; first += groupSize) groups.push({ first, rows: Math.min(groupSize, inputs - first) })
  let groupInputs: Float32Array[] = []
  let groupSums: Float32Array[] = []
  let inputShape = 0
  return {
    parameters: [weights.weight],
    forward([x], batch, training) {
      const input = weights.input(x!, training)
      const w = weights.refresh(training)
      const output = new Float32Array(batch * outputs)
      inputShape = input.length
      groupInputs = groups.map(({ first, rows }) => sliceInputs(input, batch, inputs, first, rows))
      groupSums = groups.map(({ first, rows }, group) => {
        const sums = new Float32Array(batch * outputs)
        context.backend.gemm({ m: batch, n: outputs, k: rows, a: groupInputs[group]!, b: w.subarray(first * outputs, (first + rows) * outputs), c: sums })
        for (let index = 0; index < sums.length; index++) output[index]! += sums[index]! >= 0 ? 1 : -1
        return sums
      })
      return output
    },
    backward(gradient, batch) {
      const inputGradient = needsInputGradient ? new Float32Array(inputShape) : null
      groups.forEach(({ first, rows }, group) => {
        const sums = groupSums[group]!
        const sumGradient = new Float32Array(batch * outputs)
        for (let index = 0; index < sums.length; index++) if (Math.abs(sums[index]! * scale) <= 1) sumGradient[index] = gradient[index]! * scale
        const weightGradient = weights.weight.gradient.subarray(first * outputs, (first + rows) * outputs)
        context.backend.gemm({ m: rows, n: outputs, k: batch, a: groupInputs[group]!, transposeA: true, b: sumGradient, c: weightGradient, beta: 1 })
        if (inputGradient === null) return
        const part = new Float32Array(batch * rows)
        const transposed = transpose(weights.effective.subarray(first * outputs, (first + rows) * outputs), rows, outputs)
        context.backend.gemm({ m: batch, n: rows, k: outputs, a: sumGradient, b: transposed, c: part })
        for (let image = 0; image < batch; image++) inputGradient.set(part.subarray(image * rows, (image + 1) * rows), image * inputs + first)
      })
      if (inputGradient !== null) weights.maskInputGradient(inputGradient)
      return [inputGradient]
    },
    export: () => ({ ...layer, weight: weights.exported() }),
  }
}
