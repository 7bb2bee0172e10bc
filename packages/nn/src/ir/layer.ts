/**
 * The operators of cimkit's network IR. Shapes are per sample (no batch axis): `[features]` for
 * vectors, `[channels, height, width]` for feature maps. Tensors at run time are batch-first, NCHW.
 * @since 0.1.0
 */
export type Layer =
  | DenseLayer
  | Conv2dLayer
  | SplitDenseLayer
  | Pool2dLayer
  | GlobalAvgPoolLayer
  | BatchNormLayer
  | { readonly op: 'relu' }
  | { readonly op: 'hardtanh'; readonly min: number; readonly max: number }
  | { readonly op: 'sign' }
  | { readonly op: 'flatten' }
  | { readonly op: 'reshape'; readonly shape: readonly number[] }
  | { readonly op: 'add' }
  | { readonly op: 'softmax' }

/** Operator names of the IR. @since 0.1.0 */
export type LayerOp = Layer['op']

/**
 * Fully connected layer y = x·W + b. `weight` is inputs×outputs row-major (rows = inputs), the
 * orientation arrays use (inputs drive rows, outputs are read on columns).
 * @since 0.1.0
 */
export interface DenseLayer {
  readonly op: 'dense'
  readonly inputs: number
  readonly outputs: number
  readonly weight: Float32Array
  readonly bias: Float32Array | null
}

/**
 * 2-D convolution. `weight` is [outChannels, inChannels/groups, kernelHeight, kernelWidth]
 * (ONNX/PyTorch layout); each group maps to its own (inChannels/groups·kh·kw) × (outChannels/groups)
 * matrix. `pads` are [top, left, bottom, right].
 * @since 0.1.0
 */
export interface Conv2dLayer {
  readonly op: 'conv2d'
  readonly inChannels: number
  readonly outChannels: number
  readonly kernel: readonly [number, number]
  readonly stride: readonly [number, number]
  readonly pads: readonly [number, number, number, number]
  readonly groups: number
  readonly weight: Float32Array
  readonly bias: Float32Array | null
}

/**
 * Input-split binarized dense layer (paper 002, Yin et al. IEEE Micro 2019, section "input
 * splitting"; digest seed-002-004 A.1.5): the K inputs are cut into consecutive groups of at most
 * `groupSize` rows; each group's partial sum s_g = x_g·W_g is binarized by a sense amplifier with
 * threshold 0 (sign(s_g·scale), scale only shapes the training-time straight-through window), and
 * the ±1 group outputs are summed ("merge"). Batch norm after the merge is a separate layer.
 * @since 0.1.0
 */
export interface SplitDenseLayer {
  readonly op: 'splitDense'
  readonly inputs: number
  readonly outputs: number
  /** Rows per group (≤ array rows, e.g. 64 for paper 002's FC layers). */
  readonly groupSize: number
  /** Pre-binarization scale (paper 002: 1/20 for 64-row groups). */
  readonly scale: number
  /** inputs×outputs row-major. */
  readonly weight: Float32Array
}

/** Max or average pooling over kernel windows; `pads` are [top, left, bottom, right]. @since 0.1.0 */
export interface Pool2dLayer {
  readonly op: 'maxPool2d' | 'avgPool2d'
  readonly kernel: readonly [number, number]
  readonly stride: readonly [number, number]
  readonly pads: readonly [number, number, number, number]
  /** Average pooling only: divide by the full window even where it overlaps padding (ONNX count_include_pad). */
  readonly countIncludePad?: boolean
}

/** Mean over height and width: [C, H, W] → [C]. @since 0.1.0 */
export interface GlobalAvgPoolLayer {
  readonly op: 'globalAvgPool'
}

/**
 * Inference batch norm per channel (axis 0 of the per-sample shape):
 * y = scale·(x − mean)/√(variance + epsilon) + shift.
 * @since 0.1.0
 */
export interface BatchNormLayer {
  readonly op: 'batchNorm'
  readonly scale: Float32Array
  readonly shift: Float32Array
  readonly mean: Float32Array
  readonly variance: Float32Array
  readonly epsilon: number
}

/** Operators whose weights map onto arrays (matrix products). @since 0.1.0 */
export function isArrayLayer(layer: Layer): layer is DenseLayer | Conv2dLayer | SplitDenseLayer {
  return layer.op === 'dense' || layer.op === 'conv2d' || layer.op === 'splitDense'
}
