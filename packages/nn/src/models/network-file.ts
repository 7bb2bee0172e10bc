import { NetworkError } from '../errors/network-error.js'
import type { Layer } from '../ir/layer.js'
import { createNetwork } from '../ir/network.js'
import type { Network } from '../ir/network.js'

/** Where one tensor lives in the weights file. @since 0.1.0 */
export interface TensorRefV1 {
  /** `float32`: little-endian float32; `sign-bits`: ±1 values packed 8 per byte, bit set = +1 (LSB first). */
  readonly encoding: 'float32' | 'sign-bits'
  readonly offset: number
  readonly length: number
}

/**
 * cimkit's network file: `network.json` (this object: the graph, tensors replaced by references)
 * beside a binary `weights.bin`. Binary (±1) tensors take one bit per weight, so the
 * 784-1024-1024-10 BNN stores in 233 kB.
 * @since 0.1.0
 */
export interface NetworkFileV1 {
  readonly format: 'cimkit-network'
  readonly version: 1
  readonly name: string
  readonly input: { readonly name: string; readonly shape: readonly number[] }
  readonly output: string
  readonly nodes: readonly { readonly name: string; readonly inputs: readonly string[]; readonly layer: Record<string, unknown> }[]
}

function isSign(values: Float32Array): boolean {
  for (const value of values) if (value !== 1 && value !== -1) return false
  return values.length > 0
}

/**
 * Splits a network into its JSON description and a weights buffer.
 * @since 0.1.0
 */
export function serializeNetwork(network: Network): { file: NetworkFileV1; weights: Uint8Array } {
  const chunks: Uint8Array[] = []
  let offset = 0
  const store = (values: Float32Array): TensorRefV1 => {
    let bytes: Uint8Array
    let encoding: TensorRefV1['encoding']
    if (isSign(values)) {
      encoding = 'sign-bits'
      bytes = new Uint8Array(Math.ceil(values.length / 8))
      values.forEach((value, index) => {
        if (value > 0) bytes[index >> 3]! |= 1 << (index & 7)
      })
    } else {
      encoding = 'float32'
      bytes = new Uint8Array(values.length * 4)
      const view = new DataView(bytes.buffer)
      values.forEach((value, index) => view.setFloat32(index * 4, value, true))
    }
    const ref = { encoding, offset, length: values.length }
    chunks.push(bytes)
    offset += bytes.length
    return ref
  }
  const nodes = network.nodes.map((node) => {
    const layer: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node.layer)) layer[key] = value instanceof Float32Array ? store(value) : value
    return { name: node.name, inputs: [...node.inputs], layer }
  })
  const weights = new Uint8Array(offset)
  let position = 0
  for (const chunk of chunks) {
    weights.set(chunk, position)
    position += chunk.length
  }
  return { file: { format: 'cimkit-network', version: 1, name: network.name, input: network.input, output: network.output, nodes }, weights }
}

function isTensorRef(value: unknown): value is TensorRefV1 {
  return typeof value === 'object' && value !== null && 'encoding' in value && 'offset' in value && 'length' in value
}

function loadTensor(node: string, ref: TensorRefV1, weights: Uint8Array): Float32Array {
  const bytes = ref.encoding === 'float32' ? ref.length * 4 : Math.ceil(ref.length / 8)
  if (!Number.isInteger(ref.offset) || ref.offset < 0 || ref.offset + bytes > weights.length) {
    throw new NetworkError(node, `tensor at byte ${ref.offset} (${bytes} bytes) lies outside the ${weights.length}-byte weights file`)
  }
  const values = new Float32Array(ref.length)
  if (ref.encoding === 'float32') {
    const view = new DataView(weights.buffer, weights.byteOffset + ref.offset, bytes)
    for (let index = 0; index < ref.length; index++) values[index] = view.getFloat32(index * 4, true)
  } else if (ref.encoding === 'sign-bits') {
    for (let index = 0; index < ref.length; index++) values[index] = (weights[ref.offset + (index >> 3)]! >> (index & 7)) & 1 ? 1 : -1
  } else {
    throw new NetworkError(node, `unknown tensor encoding "${String(ref.encoding)}"`)
  }
  return values
}

/**
 * Rebuilds a network from its file and weights, checking shapes as {@link createNetwork} does.
 * @throws NetworkError on a wrong format, a tensor outside the weights, or a shape mismatch.
 * @since 0.1.0
 */
export function parseNetworkFile(file: NetworkFileV1, weights: Uint8Array): Network {
  if (file.format !== 'cimkit-network' || file.version !== 1) {
    throw new NetworkError(null, `not a cimkit network file version 1 (format "${String(file.format)}", version ${String(file.version)})`)
  }
  const nodes = file.nodes.map((node) => {
    const layer: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node.layer)) layer[key] = isTensorRef(value) ? loadTensor(node.name, value, weights) : value
    return { name: node.name, inputs: node.inputs, layer: layer as unknown as Layer }
  })
  return createNetwork({ name: file.name, input: file.input, nodes, output: file.output })
}
