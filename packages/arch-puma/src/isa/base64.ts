const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i

/** Bytes → standard base64 (RFC 4648, padded). Own codec: `lib` has no DOM or Node types. @since 0.1.0 */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number
    const b = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0
    const c = i + 2 < bytes.length ? (bytes[i + 2] as number) : 0
    const triple = (a << 16) | (b << 8) | c
    out += ALPHABET[(triple >> 18) & 63]
    out += ALPHABET[(triple >> 12) & 63]
    out += i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '='
    out += i + 2 < bytes.length ? ALPHABET[triple & 63] : '='
  }
  return out
}

/** Standard base64 → bytes; null if the text is not valid base64. @since 0.1.0 */
export function base64ToBytes(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const out = new Uint8Array((text.length / 4) * 3 - padding)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0
    for (let k = 0; k < 4; k++) {
      const code = text.charCodeAt(i + k)
      const isPad = code === 61 && i + k >= text.length - padding
      const value = isPad ? 0 : code < 128 ? (LOOKUP[code] as number) : -1
      if (value < 0) return null
      triple = (triple << 6) | value
    }
    if (o < out.length) out[o++] = (triple >> 16) & 255
    if (o < out.length) out[o++] = (triple >> 8) & 255
    if (o < out.length) out[o++] = triple & 255
  }
  return out
}

/** Int16 words → base64 of their little-endian bytes. @since 0.1.0 */
export function int16ToBase64(words: Int16Array): string {
  const bytes = new Uint8Array(words.length * 2)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < words.length; i++) view.setInt16(i * 2, words[i] as number, true)
  return bytesToBase64(bytes)
}

/** Base64 of little-endian bytes → Int16 words; null if malformed or of odd length. @since 0.1.0 */
export function base64ToInt16(text: string): Int16Array | null {
  const bytes = base64ToBytes(text)
  if (bytes === null || bytes.length % 2 !== 0) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const words = new Int16Array(bytes.length / 2)
  for (let i = 0; i < words.length; i++) words[i] = view.getInt16(i * 2, true)
  return words
}
