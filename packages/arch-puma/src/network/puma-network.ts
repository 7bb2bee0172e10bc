import { PumaProgramError } from '../isa/puma-errors.js'

/**
 * A fully connected layer. `weights` is `inputs × outputs`, row-major (row = input), the engine's
 * convention; ONNX `Gemm` weights with `transB = 1` are transposed into it by the caller.
 * @since 0.1.0
 */
export interface PumaDenseLayer {
  readonly kind: 'dense'
  readonly name: string
  readonly inputs: number
  readonly outputs: number
  readonly weights: Float32Array
  readonly bias?: Float32Array
}

/** A 2-D convolution; `weights` is `outputChannels × inputChannels × kernelHeight × kernelWidth` (ONNX/PyTorch OIHW). @since 0.1.0 */
export interface PumaConv2dLayer {
  readonly kind: 'conv2d'
  readonly name: string
  readonly inputChannels: number
  readonly outputChannels: number
  readonly kernelHeight: number
  readonly kernelWidth: number
  readonly stride?: number
  /** Zero padding on every side. */
  readonly padding?: number
  readonly weights: Float32Array
  readonly bias?: Float32Array
}

/** An element-wise activation. @since 0.1.0 */
export interface PumaActivationLayer {
  readonly kind: 'relu' | 'sigmoid' | 'tanh'
  readonly name: string
}

/** Max or average pooling over square windows (no padding; output size floors). @since 0.1.0 */
export interface PumaPoolLayer {
  readonly kind: 'maxpool2d' | 'avgpool2d'
  readonly name: string
  readonly kernel: number
  /** Default: the kernel size. */
  readonly stride?: number
}

/** Flattens a C×H×W feature map in C, H, W order (ONNX `Flatten`). @since 0.1.0 */
export interface PumaFlattenLayer {
  readonly kind: 'flatten'
  readonly name: string
}

/** @since 0.1.0 */
export type PumaLayer = PumaDenseLayer | PumaConv2dLayer | PumaActivationLayer | PumaPoolLayer | PumaFlattenLayer

/**
 * The compiler's input: a sequential network with float weights. `inputShape` is `[features]` or
 * `[channels, height, width]`. nn's IR and ONNX import are adapted to it by the CLI.
 * @since 0.1.0
 */
export interface PumaNetwork {
  readonly name: string
  readonly inputShape: readonly number[]
  readonly layers: readonly PumaLayer[]
}

/** Shape after a layer: `[features]` or `[channels, height, width]`. @since 0.1.0 */
export function layerOutputShape(layer: PumaLayer, shape: readonly number[]): number[] {
  const size = shape.reduce((a, b) => a * b, 1)
  const fail = (message: string): never => {
    throw new PumaProgramError(`layer "${layer.name}": ${message}`)
  }
  switch (layer.kind) {
    case 'dense':
      if (size !== layer.inputs) fail(`expects ${layer.inputs} inputs, gets shape [${shape.join(', ')}]`)
      if (layer.weights.length !== layer.inputs * layer.outputs) fail(`weights hold ${layer.weights.length} values, not ${layer.inputs}×${layer.outputs}`)
      if (layer.bias !== undefined && layer.bias.length !== layer.outputs) fail(`bias holds ${layer.bias.length} values, not ${layer.outputs}`)
      return [layer.outputs]
    case 'conv2d': {
      if (shape.length !== 3 || shape[0] !== layer.inputChannels) fail(`expects [${layer.inputChannels}, H, W], gets [${shape.join(', ')}]`)
      if (layer.weights.length !== layer.outputChannels * layer.inputChannels * layer.kernelHeight * layer.kernelWidth) fail('weights do not match outputChannels × inputChannels × kernelHeight × kernelWidth')
      if (layer.bias !== undefined && layer.bias.length !== layer.outputChannels) fail(`bias holds ${layer.bias.length} values, not ${layer.outputChannels}`)
      const stride = layer.stride ?? 1
      const padding = layer.padding ?? 0
      const height = Math.floor(((shape[1] as number) + 2 * padding - layer.kernelHeight) / stride) + 1
      const width = Math.floor(((shape[2] as number) + 2 * padding - layer.kernelWidth) / stride) + 1
      if (height < 1 || width < 1) fail('kernel larger than the padded input')
      return [layer.outputChannels, height, width]
    }
    case 'maxpool2d':
    case 'avgpool2d': {
      if (shape.length !== 3) fail(`pools a [C, H, W] map, gets [${shape.join(', ')}]`)
      const stride = layer.stride ?? layer.kernel
      const height = Math.floor(((shape[1] as number) - layer.kernel) / stride) + 1
      const width = Math.floor(((shape[2] as number) - layer.kernel) / stride) + 1
      if (height < 1 || width < 1) fail('window larger than the input')
      return [shape[0] as number, height, width]
    }
    case 'flatten':
      return [size]
    case 'relu':
    case 'sigmoid':
    case 'tanh':
      return [...shape]
  }
}
