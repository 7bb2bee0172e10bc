import type { Parameter } from './parameter.js'

/** Updates parameters from their gradients. @since 0.1.0 */
export interface Optimizer {
  /** One update with this step's learning rate; gradients are left untouched (the trainer zeroes them). */
  step(parameters: readonly Parameter[], learningRate: number): void
}

function clamp(parameter: Parameter): void {
  if (parameter.clip === null) return
  const { values, clip } = parameter
  for (let index = 0; index < values.length; index++) values[index] = Math.min(Math.max(values[index]!, -clip), clip)
}

/**
 * Stochastic gradient descent with heavy-ball momentum and L2 weight decay:
 * v ← μ·v + (g + λ·w); w ← w − η·v.
 * @since 0.1.0
 */
export function createSgdOptimizer(options: { momentum: number; weightDecay: number }): Optimizer {
  const velocities = new Map<Parameter, Float32Array>()
  return {
    step(parameters, learningRate) {
      for (const parameter of parameters) {
        let velocity = velocities.get(parameter)
        if (velocity === undefined) velocities.set(parameter, (velocity = new Float32Array(parameter.values.length)))
        const { values, gradient } = parameter
        const decay = parameter.decay ? options.weightDecay : 0
        for (let index = 0; index < values.length; index++) {
          velocity[index] = options.momentum * velocity[index]! + gradient[index]! + decay * values[index]!
          values[index]! -= learningRate * velocity[index]!
        }
        clamp(parameter)
      }
    },
  }
}

/**
 * Adam (Kingma & Ba, ICLR 2015, Algorithm 1) with bias correction and L2 weight decay added to
 * the gradient: the optimizer paper 004 trains its BNNs with (digest seed-002-004 B.1.4).
 * @since 0.1.0
 */
export function createAdamOptimizer(options: { beta1: number; beta2: number; epsilon: number; weightDecay: number }): Optimizer {
  const moments = new Map<Parameter, { first: Float32Array; second: Float32Array }>()
  let steps = 0
  return {
    step(parameters, learningRate) {
      steps++
      const correction1 = 1 - options.beta1 ** steps
      const correction2 = 1 - options.beta2 ** steps
      const stepSize = (learningRate * Math.sqrt(correction2)) / correction1
      // NOTE: constants hoisted into locals: the loop runs over millions of weights per step.
      const { beta1, beta2, epsilon } = options
      for (const parameter of parameters) {
        let moment = moments.get(parameter)
        if (moment === undefined) {
          moment = { first: new Float32Array(parameter.values.length), second: new Float32Array(parameter.values.length) }
          moments.set(parameter, moment)
        }
        const { first, second } = moment
        const { values, gradient } = parameter
        const decay = parameter.decay ? options.weightDecay : 0
        const length = values.length
        for (let index = 0; index < length; index++) {
          const g = gradient[index]! + decay * values[index]!
          const m = beta1 * first[index]! + (1 - beta1) * g
          const v = beta2 * second[index]! + (1 - beta2) * g * g
          first[index] = m
          second[index] = v
          values[index]! -= (stepSize * m) / (Math.sqrt(v) + epsilon)
        }
        clamp(parameter)
      }
    },
  }
}
