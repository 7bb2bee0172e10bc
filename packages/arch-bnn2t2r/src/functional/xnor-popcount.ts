/** Set bits of a 32-bit word (SWAR popcount). @since 0.1.0 */
export function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24)
}

/**
 * Packs ±1 values (≥ 0 → bit 1) into 32-bit words, `length` values from `offset` with `stride`, into
 * `out` at `outOffset`; bits past `length` stay 0.
 * @since 0.1.0
 */
export function packSigns(values: ArrayLike<number>, offset: number, stride: number, length: number, out: Uint32Array, outOffset: number): void {
  const words = Math.ceil(length / 32)
  for (let word = 0; word < words; word++) out[outOffset + word] = 0
  for (let index = 0; index < length; index++) {
    if (values[offset + index * stride]! >= 0) out[outOffset + (index >>> 5)]! |= 1 << (index & 31)
  }
}

/**
 * POPCOUNT(XNOR(w, x)) over `length` packed bits: the count of positions where weight and input
 * agree (paper 004 eq. 2), with the padding bits of the last word masked out.
 * @since 0.1.0
 */
export function xnorPopcount(weights: Uint32Array, weightOffset: number, inputs: Uint32Array, inputOffset: number, length: number): number {
  const full = length >>> 5
  let count = 0
  for (let word = 0; word < full; word++) count += popcount32(~(weights[weightOffset + word]! ^ inputs[inputOffset + word]!))
  const rest = length & 31
  if (rest > 0) {
    const mask = (1 << rest) - 1
    count += popcount32(~(weights[weightOffset + full]! ^ inputs[inputOffset + full]!) & mask)
  }
  return count
}
