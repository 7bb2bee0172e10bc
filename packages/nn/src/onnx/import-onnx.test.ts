import { expectCloseToArray } from '@cimkit/core/testing'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { OnnxImportError } from '../errors/onnx-import-error.js'
import { createNetworkExecutor } from '../execute/network-executor.js'
import { floatTensor, int64Tensor, node, onnxModel } from './__fixtures__/onnx-builder.js'
import { importOnnxModel } from './import-onnx.js'

const range = (count: number, scale: number, offset = 0) => Array.from({ length: count }, (_, index) => (index - offset) * scale)

/** Direct (loop) 2-D convolution of one image, zero padding: the hand computation the import must reproduce. */
function directConv(x: number[], [channels, height, width]: number[], w: number[], bias: number[], outChannels: number, k: number, pad: number): number[] {
  const out: number[] = []
  for (let o = 0; o < outChannels; o++) {
    for (let y = 0; y < height + 2 * pad - k + 1; y++) {
      for (let xx = 0; xx < width + 2 * pad - k + 1; xx++) {
        let sum = bias[o]!
        for (let c = 0; c < channels; c++) {
          for (let ky = 0; ky < k; ky++) {
            for (let kx = 0; kx < k; kx++) {
              const iy = y + ky - pad
              const ix = xx + kx - pad
              if (iy >= 0 && iy < height && ix >= 0 && ix < width) sum += x[(c * height + iy) * width + ix]! * w[((o * channels + c) * k + ky) * k + kx]!
            }
          }
        }
        out.push(sum)
      }
    }
  }
  return out
}

describe('importOnnxModel', () => {
  it('Conv → Relu → MaxPool → Flatten → Gemm(transB) → Softmax gives the outputs computed by hand', () => {
    const convWeight = range(2 * 9, 0.1, 8)
    const convBias = [0.05, -0.1]
    const gemmWeight = range(3 * 8, 0.07, 11) // [3, 8], transB = 1
    const gemmBias = [0.1, 0, -0.2]
    const bytes = onnxModel({
      input: ['image', ['N', 1, 4, 4]], output: 'probabilities',
      initializers: [floatTensor('W', [2, 1, 3, 3], convWeight), floatTensor('B', [2], convBias, false), floatTensor('fcW', [3, 8], gemmWeight), floatTensor('fcB', [3], gemmBias)],
      nodes: [
        node('Conv', ['image', 'W', 'B'], ['conv'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] }),
        node('Relu', ['conv'], ['relu']),
        node('MaxPool', ['relu'], ['pool'], { kernel_shape: [2, 2], strides: [2, 2] }),
        node('Flatten', ['pool'], ['flat'], { axis: 1 }),
        node('Gemm', ['flat', 'fcW', 'fcB'], ['logits'], { transB: 1, alpha: 1.0, beta: 1.0 }),
        node('Softmax', ['logits'], ['probabilities'], { axis: -1 }),
      ],
    })
    const network = importOnnxModel(bytes)
    expect(network.input.shape).toEqual([1, 4, 4])
    expect(network.outputShape).toEqual([3])
    const image = range(16, 0.25, 6)
    // By hand: direct convolution, ReLU, 2×2 max pooling, W·x + b, softmax.
    const conv = directConv(image, [1, 4, 4], convWeight, convBias, 2, 3, 1).map((value) => Math.max(value, 0))
    const pooled: number[] = []
    for (let c = 0; c < 2; c++) for (let y = 0; y < 2; y++) for (let x = 0; x < 2; x++) {
      const at = (dy: number, dx: number) => conv[c * 16 + (2 * y + dy) * 4 + 2 * x + dx]!
      pooled.push(Math.max(at(0, 0), at(0, 1), at(1, 0), at(1, 1)))
    }
    const logits = [0, 1, 2].map((o) => gemmBias[o]! + pooled.reduce((sum, value, i) => sum + value * gemmWeight[o * 8 + i]!, 0))
    const max = Math.max(...logits)
    const exps = logits.map((value) => Math.exp(value - max))
    const expected = exps.map((value) => value / exps.reduce((a, b) => a + b, 0))
    const output = createNetworkExecutor(network, { backend: referenceBackend }).run(Float32Array.from(image), 1)
    expectCloseToArray(output, expected, { atol: 1e-6 })
  })

  it('MatMul + Add (fused bias), BatchNormalization, Clip, Sign, GlobalAveragePool, Reshape, Constant and a residual Add', () => {
    const scale = [2, 0.5]
    const shift = [0.1, -0.2]
    const mean = [0.3, -0.1]
    const variance = [4, 0.25]
    const bytes = onnxModel({
      input: ['x', [1, 2, 2, 2]], output: 'out',
      initializers: [
        floatTensor('scale', [2], scale), floatTensor('shift', [2], shift), floatTensor('mean', [2], mean), floatTensor('var', [2], variance),
        floatTensor('M', [2, 3], [1, -1, 0.5, 2, 0.25, -1]), floatTensor('bias', [3], [0.5, -0.5, 0]),
        floatTensor('clipMin', [], [-1]),
      ],
      nodes: [
        node('BatchNormalization', ['x', 'scale', 'shift', 'mean', 'var'], ['bn'], { epsilon: 0 }),
        node('Constant', [], ['clipMax'], { value: { tensor: floatTensor('c', [], [1.5]) } }),
        node('Clip', ['bn', 'clipMin', 'clipMax'], ['clip']),
        node('Add', ['clip', 'bn'], ['residual']),
        node('GlobalAveragePool', ['residual'], ['gap']),
        node('Constant', [], ['shape'], { value: { tensor: int64Tensor('s', [-1, 2]) } }),
        node('Reshape', ['gap', 'shape'], ['vector']),
        node('MatMul', ['vector', 'M'], ['product']),
        node('Add', ['product', 'bias'], ['biased']),
        node('Identity', ['biased'], ['same']),
        node('Sign', ['same'], ['out']),
      ],
    })
    const network = importOnnxModel(bytes)
    expect(network.nodes.map((n) => n.layer.op)).toEqual(['batchNorm', 'hardtanh', 'add', 'globalAvgPool', 'reshape', 'reshape', 'dense', 'sign'])
    const x = [1, -2, 3, 0.5, -1, 0, 2, 1]
    const bn = x.map((value, i) => { const c = i < 4 ? 0 : 1; return (scale[c]! * (value - mean[c]!)) / Math.sqrt(variance[c]!) + shift[c]! })
    const residual = bn.map((value) => Math.min(Math.max(value, -1), 1.5) + value)
    const gap = [0, 1].map((c) => residual.slice(4 * c, 4 * c + 4).reduce((a, b) => a + b, 0) / 4)
    const biased = [0, 1, 2].map((o) => [0.5, -0.5, 0][o]! + gap[0]! * [1, -1, 0.5][o]! + gap[1]! * [2, 0.25, -1][o]!)
    const seen = new Map<string, Float32Array>()
    const output = createNetworkExecutor(network, { backend: referenceBackend }).run(Float32Array.from(x), 1, (n, values) => seen.set(n.name, values))
    expectCloseToArray(seen.get('biased') ?? seen.get('product')!, biased, { atol: 1e-5 })
    expect(Array.from(output)).toEqual(biased.map((value) => (value >= 0 ? 1 : -1)))
  })

  it('rejects a malformed file, an unsupported operator and a shape mismatch, naming the node and operator', () => {
    expect(() => importOnnxModel(Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 1, 2]))).toThrow(/ONNX: malformed file/)
    const base = { input: ['x', ['N', 4]] as [string, (number | string)[]], output: 'y', initializers: [floatTensor('W', [4, 2], range(8, 1))] }
    const lstm = onnxModel({ ...base, nodes: [node('LSTM', ['x', 'W'], ['y'], {}, 'recurrent1')] })
    expect(() => importOnnxModel(lstm)).toThrow(OnnxImportError)
    expect(() => importOnnxModel(lstm)).toThrow(/ONNX node "recurrent1" \(LSTM\): unsupported operator/)
    const mismatch = onnxModel({ ...base, initializers: [floatTensor('W', [3, 2], range(6, 1))], nodes: [node('MatMul', ['x', 'W'], ['y'], {}, 'fc')] })
    expect(() => importOnnxModel(mismatch)).toThrow(/ONNX node "fc" \(MatMul\): weight matrix has 3 input rows, the input has 4 features/)
    const missing = onnxModel({ ...base, nodes: [node('MatMul', ['x', 'V'], ['y'], {}, 'fc')] })
    expect(() => importOnnxModel(missing)).toThrow(/ONNX node "fc" \(MatMul\): the weight matrix B \("V"\) must be an initializer or Constant/)
    const badRaw = onnxModel({ ...base, initializers: [{ ...floatTensor('W', [4, 2], range(8, 1)), rawData: new Uint8Array(5) }], nodes: [node('MatMul', ['x', 'W'], ['y'])] })
    expect(() => importOnnxModel(badRaw)).toThrow(/tensor "W": raw_data has 5 bytes, dims \[4, 2\] need 32/)
    const dilated = onnxModel({ input: ['x', ['N', 1, 4, 4]], output: 'y', initializers: [floatTensor('K', [1, 1, 2, 2], [1, 1, 1, 1])], nodes: [node('Conv', ['x', 'K'], ['y'], { dilations: [2, 2] }, 'c1')] })
    expect(() => importOnnxModel(dilated)).toThrow(/ONNX node "c1" \(Conv\): dilations \[2, 2\] are not supported/)
  })
})
