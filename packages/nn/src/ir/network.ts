import { NetworkError } from '../errors/network-error.js'
import { inferLayerShape } from './infer-shape.js'
import type { Layer } from './layer.js'

/** One node of a network graph as written by a user or an importer. @since 0.1.0 */
export interface NetworkNodeSpec {
  /** Unique name; also the name of the node's output tensor. */
  readonly name: string
  readonly layer: Layer
  /** Names of the nodes (or the network input) feeding this node. */
  readonly inputs: readonly string[]
}

/** A network graph before checking. @since 0.1.0 */
export interface NetworkSpec {
  readonly name: string
  /** The network input: a name and a per-sample shape (e.g. [1, 28, 28] or [784]). */
  readonly input: { readonly name: string; readonly shape: readonly number[] }
  readonly nodes: readonly NetworkNodeSpec[]
  /** Name of the node whose output is the network output. */
  readonly output: string
}

/** A checked node: its input and output shapes are known. @since 0.1.0 */
export interface NetworkNode extends NetworkNodeSpec {
  readonly inputShapes: readonly (readonly number[])[]
  readonly outputShape: readonly number[]
}

/**
 * A shape-checked network graph with nodes in topological order. Build it with
 * {@link createNetwork}; it is immutable and may be shared between executors.
 * @since 0.1.0
 */
export interface Network {
  readonly name: string
  readonly input: { readonly name: string; readonly shape: readonly number[] }
  /** Nodes in an order where every node comes after its inputs. */
  readonly nodes: readonly NetworkNode[]
  readonly output: string
  readonly outputShape: readonly number[]
}

/**
 * Checks a graph (unique names, known inputs, no cycles, reachable output, every layer's
 * parameters against its input shapes) and returns it in topological order.
 * @throws NetworkError naming the node at fault.
 * @since 0.1.0
 */
export function createNetwork(spec: NetworkSpec): Network {
  const byName = new Map<string, NetworkNodeSpec>()
  for (const node of spec.nodes) {
    if (node.name === spec.input.name || byName.has(node.name)) throw new NetworkError(node.name, 'duplicate node name')
    byName.set(node.name, node)
  }
  if (spec.input.shape.length === 0 || spec.input.shape.some((extent) => !Number.isInteger(extent) || extent < 1)) {
    throw new NetworkError(null, `input shape must be positive integers, got [${spec.input.shape.join(', ')}]`)
  }
  const shapes = new Map<string, readonly number[]>([[spec.input.name, [...spec.input.shape]]])
  const ordered: NetworkNode[] = []
  const visiting = new Set<string>()
  const visit = (name: string, from: string | null): readonly number[] => {
    const known = shapes.get(name)
    if (known !== undefined) return known
    const node = byName.get(name)
    if (node === undefined) throw new NetworkError(from, `input "${name}" is neither the network input nor a node`)
    if (visiting.has(name)) throw new NetworkError(name, 'the graph has a cycle through this node')
    visiting.add(name)
    const inputShapes = node.inputs.map((input) => visit(input, name))
    const outputShape = inferLayerShape(name, node.layer, inputShapes)
    visiting.delete(name)
    shapes.set(name, outputShape)
    ordered.push({ ...node, inputShapes, outputShape })
    return outputShape
  }
  // Visit in spec order so the order of independent branches is kept; unreachable nodes are still checked.
  for (const node of spec.nodes) visit(node.name, null)
  const outputShape = shapes.get(spec.output)
  if (outputShape === undefined || spec.output === spec.input.name) throw new NetworkError(null, `output "${spec.output}" is not a node`)
  return { name: spec.name, input: { name: spec.input.name, shape: [...spec.input.shape] }, nodes: ordered, output: spec.output, outputShape }
}

/**
 * Builds a chain network where each layer feeds the next.
 * @example createSequentialNetwork('mlp', [784], [['fc1', dense], ['relu1', { op: 'relu' }]])
 * @since 0.1.0
 */
export function createSequentialNetwork(name: string, inputShape: readonly number[], layers: readonly (readonly [string, Layer])[]): Network {
  let previous = 'input'
  const nodes = layers.map(([nodeName, layer]) => {
    const node = { name: nodeName, layer, inputs: [previous] }
    previous = nodeName
    return node
  })
  return createNetwork({ name, input: { name: 'input', shape: inputShape }, nodes, output: previous })
}
