import type { Im2colParamsV1 } from '@cimkit/core'

/**
 * Output extent of a convolution along one axis.
 * @example convolutionOutputSize(28, 5, 1, 0, 0, 1) // returns 24
 * @since 0.1.0
 */
export function convolutionOutputSize(size: number, kernel: number, stride: number, padBefore: number, padAfter: number, dilation = 1): number {
  return Math.floor((size + padBefore + padAfter - dilation * (kernel - 1) - 1) / stride) + 1
}

/**
 * Unrolls NCHW images into a (C·kh·kw) × (N·outH·outW) matrix (row = one kernel tap, column = one
 * output position), so a convolution is W[C_out × C·kh·kw] · columns. Padding reads as zero.
 * @since 0.1.0
 */
export function referenceIm2col(params: Im2colParamsV1): Float32Array {
  const { input, batch, channels, height, width, kernelHeight, kernelWidth, strideHeight, strideWidth, padTop, padLeft, padBottom, padRight } = params
  const dilationHeight = params.dilationHeight ?? 1
  const dilationWidth = params.dilationWidth ?? 1
  const outputHeight = convolutionOutputSize(height, kernelHeight, strideHeight, padTop, padBottom, dilationHeight)
  const outputWidth = convolutionOutputSize(width, kernelWidth, strideWidth, padLeft, padRight, dilationWidth)
  const positions = batch * outputHeight * outputWidth
  const columns = new Float32Array(channels * kernelHeight * kernelWidth * positions)
  for (let channel = 0; channel < channels; channel++) {
    for (let ky = 0; ky < kernelHeight; ky++) {
      for (let kx = 0; kx < kernelWidth; kx++) {
        const rowOffset = ((channel * kernelHeight + ky) * kernelWidth + kx) * positions
        for (let image = 0; image < batch; image++) {
          const imageOffset = (image * channels + channel) * height * width
          for (let oy = 0; oy < outputHeight; oy++) {
            const y = oy * strideHeight - padTop + ky * dilationHeight
            const outOffset = rowOffset + (image * outputHeight + oy) * outputWidth
            if (y < 0 || y >= height) continue
            for (let ox = 0; ox < outputWidth; ox++) {
              const x = ox * strideWidth - padLeft + kx * dilationWidth
              if (x >= 0 && x < width) columns[outOffset + ox] = input[imageOffset + y * width + x]!
            }
          }
        }
      }
    }
  }
  return columns
}
