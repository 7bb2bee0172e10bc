import type { Pool2dLayer } from '../../ir/layer.js'

/**
 * Max or average pooling over NCHW. For max pooling, `argmax` (same length as the output) receives
 * the flat input index of each maximum, which the trainer's backward pass routes gradients to.
 * Windows that lie entirely in padding give 0.
 * @since 0.1.0
 */
export function pool2dForward(
  layer: Pool2dLayer, input: Float32Array, batch: number, inputShape: readonly number[], outputShape: readonly number[], argmax?: Int32Array,
): Float32Array {
  const [channels, height, width] = inputShape as [number, number, number]
  const [, outputHeight, outputWidth] = outputShape as [number, number, number]
  const [kernelHeight, kernelWidth] = layer.kernel
  const [strideHeight, strideWidth] = layer.stride
  const [padTop, padLeft] = layer.pads
  const isMax = layer.op === 'maxPool2d'
  const output = new Float32Array(batch * channels * outputHeight * outputWidth)
  let target = 0
  for (let plane = 0; plane < batch * channels; plane++) {
    const base = plane * height * width
    for (let oy = 0; oy < outputHeight; oy++) {
      const y0 = oy * strideHeight - padTop
      const yStart = Math.max(y0, 0)
      const yEnd = Math.min(y0 + kernelHeight, height)
      for (let ox = 0; ox < outputWidth; ox++) {
        const x0 = ox * strideWidth - padLeft
        const xStart = Math.max(x0, 0)
        const xEnd = Math.min(x0 + kernelWidth, width)
        let best = -Infinity
        let bestIndex = -1
        let sum = 0
        for (let y = yStart; y < yEnd; y++) {
          for (let x = xStart; x < xEnd; x++) {
            const index = base + y * width + x
            const value = input[index]!
            sum += value
            if (value > best) {
              best = value
              bestIndex = index
            }
          }
        }
        const count = layer.countIncludePad === true ? kernelHeight * kernelWidth : (yEnd - yStart) * (xEnd - xStart)
        if (isMax) {
          output[target] = bestIndex < 0 ? 0 : best
          if (argmax !== undefined) argmax[target] = bestIndex
        } else {
          output[target] = count > 0 ? sum / count : 0
        }
        target++
      }
    }
  }
  return output
}

/** Mean over each channel's plane: [N, C, H, W] → [N, C]. @since 0.1.0 */
export function globalAvgPoolForward(input: Float32Array, batch: number, inputShape: readonly number[]): Float32Array {
  const [channels, height, width] = inputShape as [number, number, number]
  const plane = height * width
  const output = new Float32Array(batch * channels)
  for (let index = 0; index < batch * channels; index++) {
    let sum = 0
    const base = index * plane
    for (let position = 0; position < plane; position++) sum += input[base + position]!
    output[index] = sum / plane
  }
  return output
}
