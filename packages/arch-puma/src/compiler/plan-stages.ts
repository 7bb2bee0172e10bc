import type { AluOp } from '../isa/opcodes.js'
import { PumaProgramError } from '../isa/puma-errors.js'
import type { PumaConv2dLayer, PumaDenseLayer, PumaNetwork } from '../network/puma-network.js'
import { layerOutputShape } from '../network/puma-network.js'

/**
 * A tensor in shared memory. Feature maps are stored height × width × channels (HWC) so one load
 * fetches a kernel row's pixels with all their channels; `shape` is the logical C×H×W (or [N]).
 * @since 0.1.0
 */
export interface PlannedTensor {
  readonly id: number
  readonly name: string
  readonly size: number
  readonly shape: readonly number[]
  /** Stored HWC when the logical shape is C×H×W (also after a flatten). */
  readonly map: { readonly channels: number; readonly height: number; readonly width: number } | null
}

/** A run of MVMU input rows filled from one place: `word` (memory order) or zeros (padding) when −1. @since 0.1.0 */
export interface GatherSegment {
  readonly row: number
  readonly length: number
  readonly word: number
}

/** A layer that runs on MVMUs: a matrix, how each position gathers its input rows, where outputs go. @since 0.1.0 */
export interface MvmStage {
  readonly kind: 'mvm'
  readonly layer: string
  readonly input: PlannedTensor
  readonly output: PlannedTensor
  readonly rows: number
  readonly columns: number
  /** `rows × columns`, row-major, rows in gather order. */
  readonly matrix: Float32Array
  readonly bias: Float32Array | null
  /** MVMs per inference (output pixels of a conv, 1 for dense). */
  readonly positions: number
  gather(position: number, rowStart: number, rowEnd: number): GatherSegment[]
  /** Memory word of output column 0 at a position (columns are contiguous). */
  outputWord(position: number): number
  readonly postOps: AluOp[]
}

/** A pooling layer on the VFU. @since 0.1.0 */
export interface PoolStage {
  readonly kind: 'pool'
  readonly layer: string
  readonly input: PlannedTensor
  readonly output: PlannedTensor
  readonly max: boolean
  readonly kernel: number
  readonly stride: number
  readonly postOps: AluOp[]
}

/** @since 0.1.0 */
export type Stage = MvmStage | PoolStage

const ACTIVATION_OPS: Record<string, AluOp> = { relu: 'relu', sigmoid: 'sig', tanh: 'tanh' }

/** Memory word of logical C×H×W index for an HWC-stored tensor (identity for vectors). @since 0.1.0 */
export function memoryWordOfLogical(tensor: PlannedTensor, logical: number): number {
  if (tensor.map === null) return logical
  const { channels, height, width } = tensor.map
  const c = Math.floor(logical / (height * width))
  const rest = logical - c * height * width
  return rest * channels + c
}

function denseStage(layer: PumaDenseLayer, input: PlannedTensor, output: PlannedTensor): MvmStage {
  // NOTE: rows stay in the network's (logical C, H, W) order so that MVMU blocks, and with them the
  // per-block rounding, do not depend on the memory layout; after a flatten of an HWC map the
  // gather walks memory with a stride and merges whatever runs are contiguous.
  const gather = (_position: number, rowStart: number, rowEnd: number): GatherSegment[] => {
    const segments: GatherSegment[] = []
    for (let row = rowStart; row < rowEnd; row++) {
      const word = memoryWordOfLogical(input, row)
      const last = segments[segments.length - 1]
      if (last !== undefined && last.word + last.length === word) segments[segments.length - 1] = { row: last.row, length: last.length + 1, word: last.word }
      else segments.push({ row, length: 1, word })
    }
    return segments
  }
  return {
    kind: 'mvm', layer: layer.name, input, output, rows: layer.inputs, columns: layer.outputs, matrix: layer.weights, bias: layer.bias ?? null, positions: 1,
    gather,
    outputWord: () => 0,
    postOps: [],
  }
}

function convStage(layer: PumaConv2dLayer, input: PlannedTensor, output: PlannedTensor): MvmStage {
  const { channels, height, width } = input.map as NonNullable<PlannedTensor['map']>
  const [, outHeight, outWidth] = output.shape as [number, number, number]
  const stride = layer.stride ?? 1
  const padding = layer.padding ?? 0
  const { kernelHeight, kernelWidth } = layer
  const rows = kernelHeight * kernelWidth * channels
  const matrix = new Float32Array(rows * layer.outputChannels)
  for (let o = 0; o < layer.outputChannels; o++) {
    for (let c = 0; c < channels; c++) {
      for (let ky = 0; ky < kernelHeight; ky++) {
        for (let kx = 0; kx < kernelWidth; kx++) {
          const row = (ky * kernelWidth + kx) * channels + c
          matrix[row * layer.outputChannels + o] = layer.weights[((o * channels + c) * kernelHeight + ky) * kernelWidth + kx] as number
        }
      }
    }
  }
  const gather = (position: number, rowStart: number, rowEnd: number): GatherSegment[] => {
    const oy = Math.floor(position / outWidth)
    const ox = position - oy * outWidth
    const segments: GatherSegment[] = []
    for (let ky = 0; ky < kernelHeight; ky++) {
      const iy = oy * stride + ky - padding
      for (let kx = 0; kx < kernelWidth; kx++) {
        const ix = ox * stride + kx - padding
        const row = (ky * kernelWidth + kx) * channels
        const start = Math.max(row, rowStart)
        const end = Math.min(row + channels, rowEnd)
        if (start >= end) continue
        const inside = iy >= 0 && iy < height && ix >= 0 && ix < width
        const word = inside ? (iy * width + ix) * channels + (start - row) : -1
        const last = segments[segments.length - 1]
        // Merge with the previous segment when rows and words are both contiguous (or both padding).
        if (last !== undefined && last.row + last.length === start && ((word < 0 && last.word < 0) || (word >= 0 && last.word >= 0 && last.word + last.length === word))) {
          segments[segments.length - 1] = { row: last.row, length: last.length + end - start, word: last.word }
        } else {
          segments.push({ row: start, length: end - start, word })
        }
      }
    }
    return segments
  }
  return {
    kind: 'mvm', layer: layer.name, input, output, rows, columns: layer.outputChannels, matrix, bias: layer.bias ?? null, positions: outHeight * outWidth,
    gather,
    outputWord: (position) => position * layer.outputChannels,
    postOps: [],
  }
}

/**
 * Lowers a network to stages: dense and conv layers become MVM stages (im2col rows in (ky, kx, c)
 * order against HWC feature maps; dense rows in the network's order, gathered from memory), pooling
 * becomes VFU stages, activations fuse into the stage before them, flatten only relabels.
 * @since 0.1.0
 */
export function planStages(network: PumaNetwork): { readonly stages: Stage[]; readonly input: PlannedTensor; readonly output: PlannedTensor } {
  let nextId = 0
  const tensor = (name: string, shape: readonly number[], map: PlannedTensor['map']): PlannedTensor => ({ id: nextId++, name, size: shape.reduce((a, b) => a * b, 1), shape, map })
  const hwc = (shape: readonly number[]): PlannedTensor['map'] => (shape.length === 3 ? { channels: shape[0] as number, height: shape[1] as number, width: shape[2] as number } : null)
  if (!(network.inputShape.length === 1 || network.inputShape.length === 3)) throw new PumaProgramError(`input shape must be [features] or [C, H, W], got [${network.inputShape.join(', ')}]`)
  const input = tensor('input', network.inputShape, hwc(network.inputShape))
  let current = input
  const stages: Stage[] = []
  for (const layer of network.layers) {
    const shape = layerOutputShape(layer, current.shape)
    if (layer.kind === 'flatten') {
      current = { ...current, shape, map: current.map }
      continue
    }
    if (layer.kind === 'relu' || layer.kind === 'sigmoid' || layer.kind === 'tanh') {
      const last = stages[stages.length - 1]
      if (last === undefined) throw new PumaProgramError(`layer "${layer.name}": an activation on the network input is not supported (apply it to the data)`)
      last.postOps.push(ACTIVATION_OPS[layer.kind] as AluOp)
      continue
    }
    const output = tensor(layer.name, shape, hwc(shape))
    if (layer.kind === 'dense') stages.push(denseStage(layer, current, output))
    else if (layer.kind === 'conv2d') stages.push(convStage(layer, current, output))
    else if (layer.kind === 'maxpool2d' || layer.kind === 'avgpool2d') stages.push({ kind: 'pool', layer: layer.name, input: current, output, max: layer.kind === 'maxpool2d', kernel: layer.kernel, stride: layer.stride ?? layer.kernel, postOps: [] })
    current = output
  }
  if (stages.length === 0) throw new PumaProgramError('the network has no layer that computes')
  return { stages, input, output: current }
}
