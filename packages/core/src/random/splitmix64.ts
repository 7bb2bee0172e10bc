// SplitMix64 (Steele, Lea, Flood, OOPSLA 2014; constants from Vigna's reference splitmix64.c).
// Used only to expand 64-bit keys into generator state and to mix stream labels, so BigInt's
// cost is paid once per stream, never per number drawn.

const mask64 = (1n << 64n) - 1n
const golden = 0x9e3779b97f4a7c15n

/** One SplitMix64 step from `state`: returns [output, nextState]. */
export function splitMix64(state: bigint): [bigint, bigint] {
  const next = (state + golden) & mask64
  let z = next
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask64
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask64
  return [z ^ (z >> 31n), next]
}

const labelEncoder = new TextEncoder()
/** Hashes of recent labels: engines derive streams with the same few labels per chunk of work. */
const labelHashes = new Map<string, bigint>()
const labelHashCapacity = 4096

/** FNV-1a 64-bit hash of a label's UTF-8 text, with a type tag so 1 and "1" differ. */
export function hashLabel(label: string | number): bigint {
  const text = `${typeof label === 'number' ? 'n' : 's'}:${String(label)}`
  const known = labelHashes.get(text)
  if (known !== undefined) return known
  let hash = 0xcbf29ce484222325n
  for (const byte of labelEncoder.encode(text)) {
    hash ^= BigInt(byte)
    hash = (hash * 0x100000001b3n) & mask64
  }
  if (labelHashes.size >= labelHashCapacity) labelHashes.clear()
  labelHashes.set(text, hash)
  return hash
}

/** The key of a child stream: a SplitMix64 mix of the parent key and the label hash. */
export function childKey(parentKey: bigint, label: string | number): bigint {
  return splitMix64(parentKey ^ hashLabel(label))[0]
}

export { mask64 }
