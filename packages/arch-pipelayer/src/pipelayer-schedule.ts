import { InvalidArgumentError } from '@cimkit/core'

/** One layer's work per image, in MVM steps after replication. @since 0.1.0 */
export interface PipeLayerStageWork {
  readonly layer: string
  /** Forward MVM steps: ⌈m / r⌉. */
  readonly forwardSteps: number
  /** Backward (error, on the Wᵀ copy) MVM steps; 0 for the first layer. */
  readonly backwardSteps: number
  /** Time to accumulate the layer's gradient into its ΔW buffer, seconds. */
  readonly gradientS: number
}

/** A layer's share of a PipeLayer schedule. @since 0.1.0 */
export interface PipeLayerLayerTiming {
  readonly layer: string
  readonly forwardCycles: number
  readonly backwardCycles: number
  readonly gradientS: number
  /** Longest of the layer's forward, backward and gradient work, seconds. */
  readonly busyS: number
}

/** Cycle and time accounting of a PipeLayer run. @since 0.1.0 */
export interface PipeLayerSchedule {
  readonly mode: 'inference' | 'training'
  /** One spike slot (read cycle), seconds. */
  readonly cycleS: number
  /** One pipeline time step (Fig. 20: "may correspond to several computational cycles"), seconds. */
  readonly stepS: number
  readonly layers: readonly PipeLayerLayerTiming[]
  /** Time steps of the run: L + N − 1 for N images; 2L + 1 + (B − 1) for a training batch of B. */
  readonly steps: number
  /** Batch-end weight update (training), seconds. */
  readonly updateS: number
  /** Whole run, seconds, and in cycles (rounded up). */
  readonly totalS: number
  readonly totalCycles: number
  /** One image through the pipeline (L steps; 2L + 1 in training), seconds. */
  readonly latencyS: number
  /** Steady-state time per image, seconds. */
  readonly periodS: number
  readonly throughputFps: number
}

function check(layers: readonly PipeLayerStageWork[], count: number, name: string): void {
  if (layers.length === 0) throw new InvalidArgumentError('layers', 'a pipeline needs at least one layer')
  if (!(Number.isInteger(count) && count >= 1)) throw new InvalidArgumentError(name, `must be an integer ≥ 1, got ${count}`)
}

/**
 * Inference: each layer is a stage, a step lasts as long as the slowest layer's forward work
 * (steps × cycles per MVM × the cycle), and N images take L + N − 1 steps (PipeLayer's
 * inter-layer pipeline, survey Fig. 20b without the backward half).
 * @since 0.1.0
 */
export function inferenceSchedule(layers: readonly PipeLayerStageWork[], cyclesPerMvm: number, cycleS: number, images: number): PipeLayerSchedule {
  check(layers, images, 'images')
  const timings = layers.map((layer) => ({ layer: layer.layer, forwardCycles: layer.forwardSteps * cyclesPerMvm, backwardCycles: 0, gradientS: 0, busyS: layer.forwardSteps * cyclesPerMvm * cycleS }))
  const stepCycles = Math.max(...timings.map((timing) => timing.forwardCycles))
  const stepS = stepCycles * cycleS
  const steps = layers.length + images - 1
  return {
    mode: 'inference',
    cycleS,
    stepS,
    layers: timings,
    steps,
    updateS: 0,
    totalS: steps * stepS,
    totalCycles: steps * stepCycles,
    latencyS: layers.length * stepS,
    periodS: stepS,
    throughputFps: 1 / stepS,
  }
}

/**
 * Training one batch (survey Fig. 20, after PipeLayer): one example takes 2L + 1 steps (L forward,
 * one for the output error, L backward, each backward step computing the layer's error on its Wᵀ
 * copy and accumulating its gradient in the ΔW buffer); examples enter one step apart, so a batch
 * of B takes 2L + 1 + (B − 1) steps, then the weight update: ΔW read and every W and Wᵀ copy
 * rewritten (`updateS`). A step lasts as long as the slowest layer's forward, backward or gradient
 * work.
 * @since 0.1.0
 */
export function trainingSchedule(layers: readonly PipeLayerStageWork[], cyclesPerMvm: number, cycleS: number, batch: number, updateS: number): PipeLayerSchedule {
  check(layers, batch, 'batch')
  const timings = layers.map((layer) => {
    const forwardCycles = layer.forwardSteps * cyclesPerMvm
    const backwardCycles = layer.backwardSteps * cyclesPerMvm
    return { layer: layer.layer, forwardCycles, backwardCycles, gradientS: layer.gradientS, busyS: Math.max(forwardCycles * cycleS, backwardCycles * cycleS, layer.gradientS) }
  })
  const stepS = Math.max(...timings.map((timing) => timing.busyS))
  const steps = 2 * layers.length + 1 + (batch - 1)
  const totalS = steps * stepS + updateS
  return {
    mode: 'training',
    cycleS,
    stepS,
    layers: timings,
    steps,
    updateS,
    totalS,
    totalCycles: Math.ceil(totalS / cycleS - 1e-9),
    latencyS: (2 * layers.length + 1) * stepS,
    periodS: totalS / batch,
    throughputFps: batch / totalS,
  }
}
