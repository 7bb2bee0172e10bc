import type { LayerMappingV1, LayerWorkloadV1 } from '@cimkit/core'

/** Timing of one pipeline stage (one layer). @since 0.1.0 */
export interface StageTiming {
  readonly layer: string
  /** MVM steps per inference after replication: ⌈m / r⌉. */
  readonly steps: number
  /** Time the layer needs per inference, seconds. */
  readonly stageS: number
  /** When the layer starts on an inference, relative to the first layer's start, seconds. */
  readonly startS: number
  /** When it finishes, seconds. */
  readonly finishS: number
  /** Bytes the layer's input buffer must hold so that it can start early (the rows its window needs). */
  readonly inputBufferBytes: number
}

/** Latency and throughput of an inter-layer pipeline. @since 0.1.0 */
export interface PipelineTiming {
  readonly stages: readonly StageTiming[]
  /** First input in to last output out, seconds. */
  readonly latencyS: number
  /** Steady-state time between inferences: the slowest stage, seconds. */
  readonly periodS: number
  readonly throughputFps: number
}

function outputRows(layer: LayerWorkloadV1): number {
  return layer.conv?.outputHeight ?? 1
}

/**
 * Rows of the previous layer's output this layer must see before it can start: a conv window's
 * height (ISAAC's and MNSIM's row-by-row pipeline); a dense layer needs the whole input.
 */
function fractionNeeded(previous: LayerWorkloadV1, next: LayerWorkloadV1): number {
  if (next.conv === undefined) return 1
  const rows = outputRows(previous)
  return Math.min(1, next.conv.kernelHeight / Math.max(1, rows))
}

/**
 * Bytes a layer's input buffer must hold for it to start before its producer finishes: the rows
 * its window covers (kernel height × input width × channels) for conv, the whole input for dense.
 * @since 0.1.0
 */
export function inputBufferBytes(layer: LayerWorkloadV1, bytesPerValue: number): number {
  if (layer.conv === undefined) return layer.inputs * bytesPerValue
  const { kernelHeight, inputWidth, inputChannels } = layer.conv
  return kernelHeight * inputWidth * inputChannels * bytesPerValue
}

/**
 * Inter-layer pipeline with replication (ISAAC Sec. 5; MNSIM's row-by-row inner-layer pipeline,
 * anchor-archsims.md §2.2): layer l takes ⌈m_l / r_l⌉ MVM steps of `mvmTimeS`. Layer l+1 starts once
 * layer l has produced the rows its window needs (kernel height of l+1 over the output height of l;
 * all of it for a dense layer), and cannot finish before one of its rows' worth of time after l
 * finishes. The steady state is set by the slowest stage. Input buffers are sized by what each
 * layer needs to start early (kernel rows × width × channels).
 * @since 0.1.0
 */
export function pipelineTiming(layers: readonly LayerWorkloadV1[], mappings: readonly LayerMappingV1[], mvmTimeS: number, bytesPerValue: number): PipelineTiming {
  const stages: StageTiming[] = []
  let startS = 0
  let previousFinishS = 0
  let periodS = 0
  for (let index = 0; index < layers.length; index++) {
    const layer = layers[index]!
    const steps = Math.ceil(layer.mvmsPerInference / mappings[index]!.replication)
    const stageS = steps * mvmTimeS
    if (index > 0) startS += fractionNeeded(layers[index - 1]!, layer) * stages[index - 1]!.stageS
    const finishS = Math.max(startS + stageS, previousFinishS + stageS / outputRows(layer))
    stages.push({ layer: layer.name, steps, stageS, startS, finishS, inputBufferBytes: inputBufferBytes(layer, bytesPerValue) })
    previousFinishS = finishS
    periodS = Math.max(periodS, stageS)
  }
  return { stages, latencyS: previousFinishS, periodS, throughputFps: periodS > 0 ? 1 / periodS : 0 }
}
