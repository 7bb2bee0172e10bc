// im2col with the reference layout: row = (channel, ky, kx), column = (image, oy, ox); padding
// reads as zero. Linear memory is reused between calls, so every output cell is written.

/**
 * Writes the (C·kh·kw) × (N·outH·outW) column matrix of NCHW `input` to `out`. Geometry is passed
 * as i32s in `geometry` (15 values, see the JavaScript caller) to keep the signature short.
 */
export function im2col(input: usize, out: usize, geometry: usize): void {
  const batch = load<i32>(geometry)
  const channels = load<i32>(geometry, 4)
  const height = load<i32>(geometry, 8)
  const width = load<i32>(geometry, 12)
  const kernelHeight = load<i32>(geometry, 16)
  const kernelWidth = load<i32>(geometry, 20)
  const strideHeight = load<i32>(geometry, 24)
  const strideWidth = load<i32>(geometry, 28)
  const padTop = load<i32>(geometry, 32)
  const padLeft = load<i32>(geometry, 36)
  const dilationHeight = load<i32>(geometry, 40)
  const dilationWidth = load<i32>(geometry, 44)
  const outputHeight = load<i32>(geometry, 48)
  const outputWidth = load<i32>(geometry, 52)
  const positions = batch * outputHeight * outputWidth
  for (let channel = 0; channel < channels; channel++) {
    for (let ky = 0; ky < kernelHeight; ky++) {
      for (let kx = 0; kx < kernelWidth; kx++) {
        const rowOffset = ((channel * kernelHeight + ky) * kernelWidth + kx) * positions
        for (let image = 0; image < batch; image++) {
          const imageOffset = (image * channels + channel) * height * width
          for (let oy = 0; oy < outputHeight; oy++) {
            const y = oy * strideHeight - padTop + ky * dilationHeight
            const target = out + (<usize>(rowOffset + (image * outputHeight + oy) * outputWidth) << 2)
            if (y < 0 || y >= height) {
              memory.fill(target, 0, <usize>outputWidth << 2)
              continue
            }
            const source = input + (<usize>(imageOffset + y * width) << 2)
            for (let ox = 0; ox < outputWidth; ox++) {
              const x = ox * strideWidth - padLeft + kx * dilationWidth
              store<f32>(target + (<usize>ox << 2), x >= 0 && x < width ? load<f32>(source + (<usize>x << 2)) : 0)
            }
          }
        }
      }
    }
  }
}
