import type { RandomSource } from '@cimkit/core'
import type { HardwareAwareTrainingHook } from '../noise-injection-training/noise-injection-training.js'

/** A two-layer tanh regression network, inputs → hidden → 1, for the training-hook tests. @since 0.1.0 */
export interface TinyNetwork {
  readonly inputs: number
  readonly hidden: number
  /** hidden × inputs. */
  readonly first: Float32Array
  /** hidden. */
  readonly second: Float32Array
}

function forward(network: TinyNetwork, first: Float32Array, second: Float32Array, x: Float32Array, offset: number, hiddenOut: Float32Array): number {
  let output = 0
  for (let unit = 0; unit < network.hidden; unit++) {
    let sum = 0
    for (let input = 0; input < network.inputs; input++) sum += first[unit * network.inputs + input]! * x[offset + input]!
    hiddenOut[unit] = Math.tanh(sum)
    output += second[unit]! * hiddenOut[unit]!
  }
  return output
}

/**
 * Trains by plain SGD on squared error. With a hook, each step's forward and backward passes use
 * perturbed copies of the weights, the update goes to the clean weights, and they are clipped
 * after the step (aihwkit's weight-modifier scheme).
 * @since 0.1.0
 */
export function trainTinyNetwork(network: TinyNetwork, x: Float32Array, y: Float32Array, options: { readonly steps: number; readonly learningRate: number; readonly random: RandomSource; readonly hook?: HardwareAwareTrainingHook }): void {
  const samples = y.length
  const hiddenOut = new Float32Array(network.hidden)
  const first = new Float32Array(network.first.length)
  const second = new Float32Array(network.second.length)
  for (let step = 0; step < options.steps; step++) {
    first.set(network.first)
    second.set(network.second)
    options.hook?.weightNoise(first, options.random.stream('noise', step, 0), 'first')
    options.hook?.weightNoise(second, options.random.stream('noise', step, 1), 'second')
    const sample = Math.floor(options.random.nextUniform() * samples)
    const offset = sample * network.inputs
    const error = forward(network, first, second, x, offset, hiddenOut) - y[sample]!
    for (let unit = 0; unit < network.hidden; unit++) {
      const back = error * second[unit]! * (1 - hiddenOut[unit]! ** 2)
      network.second[unit]! -= options.learningRate * error * hiddenOut[unit]!
      for (let input = 0; input < network.inputs; input++) network.first[unit * network.inputs + input]! -= options.learningRate * back * x[offset + input]!
    }
    options.hook?.clipWeights(network.first, 'first')
    options.hook?.clipWeights(network.second, 'second')
  }
}

/**
 * Mean squared error over the data, averaged over `trials` draws of hardware weight noise
 * (additive, σ = relativeStd·max|w| per layer, the device range mapped onto each layer's max |w|).
 * @since 0.1.0
 */
export function noisyMeanSquaredError(network: TinyNetwork, x: Float32Array, y: Float32Array, relativeStd: number, trials: number, random: RandomSource): number {
  const hiddenOut = new Float32Array(network.hidden)
  let total = 0
  for (let trial = 0; trial < trials; trial++) {
    const layers = [Float32Array.from(network.first), Float32Array.from(network.second)]
    for (const layer of layers) {
      let scale = 0
      for (const value of layer) scale = Math.max(scale, Math.abs(value))
      const noise = new Float32Array(layer.length)
      random.fillNormal(noise, 0, relativeStd * scale)
      for (let index = 0; index < layer.length; index++) layer[index]! += noise[index]!
    }
    for (let sample = 0; sample < y.length; sample++) total += (forward(network, layers[0]!, layers[1]!, x, sample * network.inputs, hiddenOut) - y[sample]!) ** 2
  }
  return total / (trials * y.length)
}
