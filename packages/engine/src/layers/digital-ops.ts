import type { ActivityCounter } from '../engine/activity-counter.js'

/**
 * Digital operations after the arrays (survey §V D: the neuron in digital logic), each counting
 * its element operations as `digital.op` on the given counter.
 * @since 0.1.0
 */
export const digitalOps = {
  /** ReLU in place: one op per element. */
  relu(values: Float32Array, counter: ActivityCounter): Float32Array {
    for (let index = 0; index < values.length; index++) if (values[index]! < 0) values[index] = 0
    counter.add('digital', 'op', values.length)
    return values
  },

  /** Per-channel affine batch norm y = scale·x + shift (folded γ/σ, β − γμ/σ) on NCHW: two ops per element. */
  batchNorm(values: Float32Array, channels: number, spatial: number, scale: Float32Array, shift: Float32Array, counter: ActivityCounter): Float32Array {
    for (let index = 0; index < values.length; index++) {
      const channel = Math.floor(index / spatial) % channels
      values[index] = scale[channel]! * values[index]! + shift[channel]!
    }
    counter.add('digital', 'op', 2 * values.length)
    return values
  },

  /** Residual add in place (a += b): one op per element. */
  add(a: Float32Array, b: Float32Array, counter: ActivityCounter): Float32Array {
    for (let index = 0; index < a.length; index++) a[index]! += b[index]!
    counter.add('digital', 'op', a.length)
    return a
  },

  /** Max pooling (no padding) on NCHW: k·k − 1 comparisons per output. */
  maxPool2d(values: Float32Array, batchChannels: number, height: number, width: number, kernel: number, stride: number, counter: ActivityCounter) {
    const outputHeight = Math.floor((height - kernel) / stride) + 1
    const outputWidth = Math.floor((width - kernel) / stride) + 1
    const output = new Float32Array(batchChannels * outputHeight * outputWidth)
    for (let plane = 0; plane < batchChannels; plane++) {
      for (let oy = 0; oy < outputHeight; oy++) {
        for (let ox = 0; ox < outputWidth; ox++) {
          let best = -Infinity
          for (let ky = 0; ky < kernel; ky++) for (let kx = 0; kx < kernel; kx++) best = Math.max(best, values[(plane * height + oy * stride + ky) * width + ox * stride + kx]!)
          output[(plane * outputHeight + oy) * outputWidth + ox] = best
        }
      }
    }
    counter.add('digital', 'op', output.length * (kernel * kernel - 1))
    return { output, height: outputHeight, width: outputWidth }
  },
} as const
