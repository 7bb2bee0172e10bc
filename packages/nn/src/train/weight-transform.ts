import type { DeviceModelV1, RandomSource } from '@cimkit/core'
import type { TrainingConfig } from './training-config.js'

/**
 * Perturbs a layer's effective weights in place during training (hardware-aware training: the
 * network learns weights that survive the perturbation). Called once per layer per step.
 * @since 0.1.0
 */
export type WeightNoise = (weights: Float32Array, random: RandomSource, layerName: string) => void

function maxAbs(values: Float32Array): number {
  let max = 0
  for (const value of values) max = Math.max(max, Math.abs(value))
  return max
}

/**
 * The weights the forward pass uses, from the latent ones: identity (float), symmetric uniform
 * quantization to `bits` with a per-layer scale max|w|/(2^(bits−1) − 1), or sign (binary, ≥ 0 → +1).
 * The backward pass treats the transform as identity (straight-through estimator).
 * @since 0.1.0
 */
export function transformWeights(latent: Float32Array, mode: TrainingConfig['weights'], out: Float32Array): void {
  if (mode.mode === 'float') {
    out.set(latent)
  } else if (mode.mode === 'binary') {
    for (let index = 0; index < latent.length; index++) out[index] = latent[index]! >= 0 ? 1 : -1
  } else {
    const levels = 2 ** (mode.bits - 1) - 1
    const step = maxAbs(latent) / levels
    if (step === 0) out.fill(0)
    else for (let index = 0; index < latent.length; index++) out[index] = Math.round(latent[index]! / step) * step
  }
}

/**
 * Additive Gaussian weight noise with std `relativeStd`·max|w| per layer (the usual
 * noise-injection recipe of hardware-aware training, e.g. aihwkit's weight noise; survey paper 003,
 * section on training for analog hardware).
 * @since 0.1.0
 */
export function createGaussianWeightNoise(relativeStd: number): WeightNoise {
  return (weights, random) => {
    const std = relativeStd * maxAbs(weights)
    if (std === 0) return
    const noise = new Float32Array(weights.length)
    random.fillNormal(noise, 0, std)
    for (let index = 0; index < weights.length; index++) weights[index]! += noise[index]!
  }
}

function nearestLevel(levels: readonly number[], target: number): number {
  let best = levels[0]!
  for (const level of levels) if (Math.abs(level - target) < Math.abs(best - target)) best = level
  return best
}

/**
 * Noise drawn from a device model: each weight is mapped onto a differential pair
 * (G⁺, G⁻) spanning the device's conductance range (w = max|w|·(G⁺ − G⁻)/(G_max − G_min)),
 * targets snap to the device's levels when it has discrete ones, both cells are programmed
 * through `device.doProgram` (programming error, variation, stuck cells as the device models
 * them), and the weight is read back from the programmed pair.
 * NOTE: calls `doProgram` directly, without the engine's reliability middleware: training sees
 * the raw device, the pessimistic case.
 * @since 0.1.0
 */
export function createDeviceWeightNoise(device: DeviceModelV1): WeightNoise {
  const { minS, maxS } = device.conductanceRangeS
  const levels = device.levelsS
  return (weights, random, layerName) => {
    const scale = maxAbs(weights)
    if (scale === 0) return
    const targets = new Float32Array(weights.length * 2)
    for (let index = 0; index < weights.length; index++) {
      const magnitude = ((maxS - minS) * Math.abs(weights[index]!)) / scale
      targets[2 * index] = minS + (weights[index]! > 0 ? magnitude : 0)
      targets[2 * index + 1] = minS + (weights[index]! < 0 ? magnitude : 0)
    }
    if (levels !== null && levels.length > 0) for (let index = 0; index < targets.length; index++) targets[index] = nearestLevel(levels, targets[index]!)
    const programmed = device.doProgram(targets, random.stream('device-noise', layerName)).conductanceS
    for (let index = 0; index < weights.length; index++) {
      weights[index] = (scale * (programmed[2 * index]! - programmed[2 * index + 1]!)) / (maxS - minS)
    }
  }
}
