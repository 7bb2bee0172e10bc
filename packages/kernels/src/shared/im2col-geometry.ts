import type { Im2colParamsV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { convolutionOutputSize } from '../reference/reference-im2col.js'

/** The integer geometry of an im2col call, in the order the WebAssembly and C++ kernels read it. @since 0.1.0 */
export interface Im2colGeometry {
  /** [batch, channels, height, width, kernelHeight, kernelWidth, strideHeight, strideWidth, padTop, padLeft, dilationHeight, dilationWidth, outputHeight, outputWidth] */
  readonly values: Int32Array
  /** Output rows (C·kh·kw) times output columns (N·outH·outW). */
  readonly outputLength: number
}

/**
 * Validates an im2col call (positive integers, input large enough, non-empty output) and computes
 * the output extent with the reference's formula.
 * @since 0.1.0
 */
export function im2colGeometry(params: Im2colParamsV1): Im2colGeometry {
  const { input, batch, channels, height, width, kernelHeight, kernelWidth, strideHeight, strideWidth, padTop, padLeft, padBottom, padRight } = params
  const dilationHeight = params.dilationHeight ?? 1
  const dilationWidth = params.dilationWidth ?? 1
  const positive = { batch, channels, height, width, kernelHeight, kernelWidth, strideHeight, strideWidth, dilationHeight, dilationWidth }
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('im2col', `${name} must be a positive integer, got ${value}`)
  }
  for (const [name, value] of Object.entries({ padTop, padLeft, padBottom, padRight })) {
    if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError('im2col', `${name} must be a non-negative integer, got ${value}`)
  }
  if (input.length < batch * channels * height * width) {
    throw new InvalidArgumentError('im2col', `input has ${input.length} values, fewer than ${batch}×${channels}×${height}×${width}`)
  }
  const outputHeight = convolutionOutputSize(height, kernelHeight, strideHeight, padTop, padBottom, dilationHeight)
  const outputWidth = convolutionOutputSize(width, kernelWidth, strideWidth, padLeft, padRight, dilationWidth)
  if (outputHeight < 1 || outputWidth < 1) throw new InvalidArgumentError('im2col', `kernel larger than the padded image (output ${outputHeight}×${outputWidth})`)
  const values = Int32Array.of(batch, channels, height, width, kernelHeight, kernelWidth, strideHeight, strideWidth, padTop, padLeft, dilationHeight, dilationWidth, outputHeight, outputWidth)
  return { values, outputLength: channels * kernelHeight * kernelWidth * batch * outputHeight * outputWidth }
}
