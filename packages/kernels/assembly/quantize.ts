// Clip-and-round with the reference backend's exact arithmetic: the value is widened to f64,
// clipped, divided by the step, rounded half away from zero and multiplied back in f64, then
// narrowed to f32 once. f64.nearest rounds half to even, so the tie rule is built from trunc,
// whose remainder s − trunc(s) is exact in f64.

/** Clips each of `count` f32 values to [min, max] and rounds it to a multiple of `step` (0 = clip only). */
export function quantize(values: usize, out: usize, count: i32, step: f64, min: f64, max: f64): void {
  for (let index = 0; index < count; index++) {
    const offset = <usize>index << 2
    let value = <f64>load<f32>(values + offset)
    value = value < min ? min : value > max ? max : value
    if (step > 0) {
      const scaled = value / step
      let rounded = Math.trunc(scaled)
      if (Math.abs(scaled - rounded) >= 0.5) rounded += scaled < 0 ? -1 : 1
      value = rounded * step
    }
    store<f32>(out + offset, <f32>value)
  }
}
