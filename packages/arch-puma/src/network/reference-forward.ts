import { InvalidArgumentError } from '@cimkit/core'
import { roundShift, toFixed } from '../machine/fixed-point.js'
import type { FixedPointFormat } from '../machine/fixed-point.js'
import { vfuElement } from '../machine/vfu.js'
import type { PumaConv2dLayer, PumaDenseLayer, PumaLayer, PumaNetwork } from './puma-network.js'
import { layerOutputShape } from './puma-network.js'

/** How the reference computes. @since 0.1.0 */
export interface ReferenceForwardOptions {
  /**
   * `float`: float64 arithmetic on the float weights. `fixed-point`: PUMA's datapath exactly: Q4.12
   * inputs and weights, each MVMU's product rounded and saturated per `rows`-row block, blocks summed
   * by saturating adds (`mvmusPerCore` blocks inside a core first, then across cores), then bias and
   * activations on the VFU, average pooling as a saturating sum times round(1/k²).
   */
  readonly arithmetic: 'float' | 'fixed-point'
  readonly rows?: number
  readonly mvmusPerCore?: number
  readonly format?: FixedPointFormat
}

type Tensor = { data: Float64Array; shape: number[] }

/** Rows of the im2col matrix for one conv output position: input index per row, −1 for padding. */
function convWindow(layer: PumaConv2dLayer, shape: readonly number[], oy: number, ox: number): Int32Array {
  const [channels, height, width] = shape as [number, number, number]
  const stride = layer.stride ?? 1
  const padding = layer.padding ?? 0
  const rows = new Int32Array(layer.kernelHeight * layer.kernelWidth * channels)
  for (let ky = 0; ky < layer.kernelHeight; ky++) {
    for (let kx = 0; kx < layer.kernelWidth; kx++) {
      const iy = oy * stride + ky - padding
      const ix = ox * stride + kx - padding
      for (let c = 0; c < channels; c++) {
        const inside = iy >= 0 && iy < height && ix >= 0 && ix < width
        rows[(ky * layer.kernelWidth + kx) * channels + c] = inside ? (c * height + iy) * width + ix : -1
      }
    }
  }
  return rows
}

/** Weight of im2col row r (ky, kx, c) and output o. */
function convWeight(layer: PumaConv2dLayer, row: number, output: number): number {
  const c = row % layer.inputChannels
  const k = (row - c) / layer.inputChannels
  const kx = k % layer.kernelWidth
  const ky = (k - kx) / layer.kernelWidth
  return layer.weights[((output * layer.inputChannels + c) * layer.kernelHeight + ky) * layer.kernelWidth + kx] as number
}

/**
 * Runs the network on one input in plain loops, with no program and no machine: the oracle the
 * compiled program is checked against. Tensors are C×H×W (flatten in C, H, W order).
 * @since 0.1.0
 */
export function referenceForward(network: PumaNetwork, input: Float32Array, options: ReferenceForwardOptions): Float32Array {
  const format = options.format ?? { bits: 16, fractionBits: 12 }
  const fixed = options.arithmetic === 'fixed-point'
  const blockRows = options.rows ?? 128
  const perCore = options.mvmusPerCore ?? 2
  const size = network.inputShape.reduce((a, b) => a * b, 1)
  if (input.length !== size) throw new InvalidArgumentError('input', `needs ${size} values, got ${input.length}`)
  const q = (value: number): number => (fixed ? toFixed(value, format) : value)
  const add = (a: number, b: number): number => (fixed ? vfuElement('add', a, b, format) : a + b)
  let tensor: Tensor = { data: Float64Array.from(input, q), shape: [...network.inputShape] }
  /** One MVM: rows → outputs given the input value of each row (fixed: per-block rounding and grouping). */
  const matrixProduct = (rowInput: (row: number) => number, rows: number, outputs: number, weight: (row: number, output: number) => number, bias: Float32Array | undefined, out: Float64Array, outIndex: (o: number) => number): void => {
    const blocks = Math.ceil(rows / blockRows)
    for (let o = 0; o < outputs; o++) {
      let total = 0
      let group = 0
      for (let b = 0; b < blocks; b++) {
        let sum = 0
        for (let r = b * blockRows; r < Math.min(rows, (b + 1) * blockRows); r++) sum += rowInput(r) * (fixed ? toFixed(weight(r, o), format) : weight(r, o))
        const blockValue = fixed ? roundShift(sum, format.fractionBits, format) : sum
        group = b % perCore === 0 ? blockValue : add(group, blockValue)
        if (b % perCore === perCore - 1 || b === blocks - 1) total = b < perCore ? group : add(total, group)
      }
      if (bias !== undefined) total = add(total, q(bias[o] as number))
      out[outIndex(o)] = total
    }
  }
  for (const layer of network.layers) {
    const shape = layerOutputShape(layer, tensor.shape)
    const out = new Float64Array(shape.reduce((a, b) => a * b, 1))
    const source = tensor.data
    switch (layer.kind) {
      case 'dense': {
        const dense = layer as PumaDenseLayer
        matrixProduct((r) => source[r] as number, dense.inputs, dense.outputs, (r, o) => dense.weights[r * dense.outputs + o] as number, dense.bias, out, (o) => o)
        break
      }
      case 'conv2d': {
        const [, oh, ow] = shape as [number, number, number]
        const rows = layer.kernelHeight * layer.kernelWidth * layer.inputChannels
        for (let oy = 0; oy < oh; oy++) {
          for (let ox = 0; ox < ow; ox++) {
            const window = convWindow(layer, tensor.shape, oy, ox)
            matrixProduct((r) => ((window[r] as number) < 0 ? 0 : (source[window[r] as number] as number)), rows, layer.outputChannels, (r, o) => convWeight(layer, r, o), layer.bias, out, (o) => (o * oh + oy) * ow + ox)
          }
        }
        break
      }
      case 'maxpool2d':
      case 'avgpool2d':
        poolForward(layer, tensor, shape, out, fixed, format)
        break
      case 'flatten':
        out.set(source)
        break
      case 'relu':
      case 'sigmoid':
      case 'tanh':
        for (let i = 0; i < out.length; i++) out[i] = activation(layer.kind, source[i] as number, fixed, format)
        break
    }
    tensor = { data: out, shape }
  }
  return Float32Array.from(tensor.data, (value) => (fixed ? value / 2 ** format.fractionBits : value))
}

function activation(kind: 'relu' | 'sigmoid' | 'tanh', value: number, fixed: boolean, format: FixedPointFormat): number {
  if (fixed) return vfuElement(kind === 'relu' ? 'relu' : kind === 'sigmoid' ? 'sig' : 'tanh', value, 0, format)
  return kind === 'relu' ? Math.max(0, value) : kind === 'sigmoid' ? 1 / (1 + Math.exp(-value)) : Math.tanh(value)
}

function poolForward(layer: Extract<PumaLayer, { kind: 'maxpool2d' | 'avgpool2d' }>, tensor: Tensor, shape: readonly number[], out: Float64Array, fixed: boolean, format: FixedPointFormat): void {
  const [channels, oh, ow] = shape as [number, number, number]
  const [, height, width] = tensor.shape as [number, number, number]
  const stride = layer.stride ?? layer.kernel
  const scale = fixed ? toFixed(1 / (layer.kernel * layer.kernel), format) : 1 / (layer.kernel * layer.kernel)
  for (let c = 0; c < channels; c++) {
    for (let py = 0; py < oh; py++) {
      for (let px = 0; px < ow; px++) {
        let acc = 0
        for (let ky = 0; ky < layer.kernel; ky++) {
          for (let kx = 0; kx < layer.kernel; kx++) {
            const value = tensor.data[(c * height + py * stride + ky) * width + px * stride + kx] as number
            if (ky === 0 && kx === 0) acc = value
            else if (layer.kind === 'maxpool2d') acc = Math.max(acc, value)
            else acc = fixed ? vfuElement('add', acc, value, format) : acc + value
          }
        }
        if (layer.kind === 'avgpool2d') acc = fixed ? vfuElement('mul', acc, scale, format) : acc * scale
        out[(c * oh + py) * ow + px] = acc
      }
    }
  }
}
