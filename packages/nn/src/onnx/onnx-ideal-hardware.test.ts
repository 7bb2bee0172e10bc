import type { HardwareV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { requiredAdcBits } from '@cimkit/engine'
import { BitSerialEncoder, IdealLevelsDevice, UniformAdc } from '@cimkit/engine/testing'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { createNetworkExecutor } from '../execute/network-executor.js'
import type { MatmulProvider } from '../execute/matmul-provider.js'
import { createEngineMatmulFactory } from '../hardware/engine-matmul-factory.js'
import { hardwareSimulationOptionsSchema } from '../hardware/hardware-simulation-options.js'
import { floatTensor, node, onnxModel } from './__fixtures__/onnx-builder.js'
import { importOnnxModel } from './import-onnx.js'

const weightBits = 8
const inputBits = 8
const arrayRows = 8

/**
 * The quantized software model the hardware must equal: per matrix, weights to integers
 * (max |w| ↦ 2^(B−1) − 1, half away from zero) and inputs to unsigned codes (max |x| of the batch
 * ↦ 2^B − 1, via float32 like a DAC register), their integer product exact in float64, scaled back.
 */
function quantizedSoftwareModel(): MatmulProvider {
  return {
    prepare({ weights, rows, columns }) {
      const maxInteger = 2 ** (weightBits - 1) - 1
      const weightScale = weights.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0) / maxInteger
      const integers = Float64Array.from(weights, (value) => Math.sign(value) * Math.round(Math.abs(value / weightScale)))
      const levels = 2 ** inputBits - 1
      return (inputs, batch) => {
        const inputScale = inputs.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0) || 1
        const codes = Float64Array.from(inputs, (value) => Math.round(Math.min(1, Math.max(0, Math.fround(value / inputScale))) * levels))
        const out = new Float32Array(batch * columns)
        for (let vector = 0; vector < batch; vector++) {
          for (let column = 0; column < columns; column++) {
            let sum = 0
            for (let row = 0; row < rows; row++) sum += codes[vector * rows + row]! * integers[row * columns + column]!
            out[vector * columns + column] = (sum / levels) * weightScale * inputScale
          }
        }
        return out
      }
    },
  }
}

describe('an ONNX network on ideal hardware equals the quantized software model', () => {
  // Conv → Relu → MaxPool → Flatten → Gemm → Relu → Gemm: 18-row conv matrix and 32-row dense
  // matrix on 8-row arrays (row blocks added digitally), 8-bit weights in 2-bit cells (4 slices),
  // 8-bit bit-serial inputs, Eq.-10 ADCs at the aligned maximum range.
  const random = createRandomSource(21)
  const values = (count: number, label: string) => {
    const out = new Float32Array(count)
    random.stream(label).fillNormal(out, 0, 0.3)
    return Array.from(out)
  }
  const bytes = onnxModel({
    input: ['image', ['N', 2, 6, 6]],
    output: 'logits',
    initializers: [
      floatTensor('W', [4, 2, 3, 3], values(72, 'conv')),
      floatTensor('B', [4], values(4, 'conv-bias')),
      floatTensor('W1', [12, 36], values(432, 'fc1')),
      floatTensor('B1', [12], values(12, 'fc1-bias')),
      floatTensor('W2', [5, 12], values(60, 'fc2')),
      floatTensor('B2', [5], values(5, 'fc2-bias')),
    ],
    nodes: [
      node('Conv', ['image', 'W', 'B'], ['conv'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] }),
      node('Relu', ['conv'], ['relu']),
      node('MaxPool', ['relu'], ['pool'], { kernel_shape: [2, 2], strides: [2, 2] }),
      node('Flatten', ['pool'], ['flat'], { axis: 1 }),
      node('Gemm', ['flat', 'W1', 'B1'], ['hidden'], { transB: 1 }),
      node('Relu', ['hidden'], ['hiddenRelu']),
      node('Gemm', ['hiddenRelu', 'W2', 'B2'], ['logits'], { transB: 1 }),
    ],
  })
  const network = importOnnxModel(bytes)
  const batch = 16
  const images = new Float32Array(batch * 72)
  random.stream('images').fillUniform(images, 0, 1)

  for (const weightMapping of ['biased-flipped', 'differential', 'offset-digital'] as const) {
    it(`${weightMapping} mapping: logits equal the quantized model's to float32 rounding, and differ from the float model`, () => {
      const flipped = weightMapping === 'biased-flipped'
      const cellBits = flipped || weightMapping === 'offset-digital' ? 2 : 3
      const simulation = hardwareSimulationOptionsSchema.parse({
        adcRange: { mode: 'max' },
        inputPercentile: 100,
        arrays: { rows: arrayRows, columns: 32, weightBits, bitsPerCell: 2, inputBits, weightMapping, conversion: 'per-input-bit' },
      })
      const hardware: HardwareV1 = {
        device: new IdealLevelsDevice({ minS: 1e-14, maxS: 1e-4, levels: 4 }),
        inputEncoder: new BitSerialEncoder({ bits: inputBits, signed: false }),
        outputConverter: new UniformAdc({ bits: requiredAdcBits({ inputBits: 1, cellBits, rows: arrayRows, flippedEncoding: flipped }), idealUniform: true }),
        architecture: null,
        middleware: [],
        backend: referenceBackend,
      }
      const onHardware = createNetworkExecutor(network, { backend: referenceBackend, matmul: createEngineMatmulFactory(simulation, 0, new Map())(hardware, random.stream('trial'), 0) })
      const quantized = createNetworkExecutor(network, { backend: referenceBackend, matmul: quantizedSoftwareModel() })
      const float = createNetworkExecutor(network, { backend: referenceBackend })
      const hardwareLogits = onHardware.run(images, batch)
      const quantizedLogits = quantized.run(images, batch)
      const floatLogits = float.run(images, batch)
      let largestQuantizationEffect = 0
      for (let index = 0; index < hardwareLogits.length; index++) {
        // Same integers, same scales: only the order of float64 additions (and so float32 rounding) can differ.
        expect(Math.abs(hardwareLogits[index]! - quantizedLogits[index]!), `logit ${index}`).toBeLessThanOrEqual(2e-6 * (1 + Math.abs(quantizedLogits[index]!)))
        largestQuantizationEffect = Math.max(largestQuantizationEffect, Math.abs(quantizedLogits[index]! - floatLogits[index]!))
      }
      // The comparison is not vacuous: 8-bit quantization moves the logits far more than that tolerance.
      expect(largestQuantizationEffect).toBeGreaterThan(1e-3)
    })
  }
})
