import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { assemble } from '../isa/assemble.js'
import { decodeProgram, encodeProgram } from '../isa/binary-encoding.js'
import { disassemble } from '../isa/disassemble.js'
import { bitSlicedMvm } from '../machine/bit-sliced-mvm.js'
import { simulateProgram } from '../machine/simulate-program.js'
import { referenceForward } from '../network/reference-forward.js'
import { cifarConvNetwork, lenetNetwork, mlpNetwork, paddedConvNetwork, randomInput } from './__fixtures__/test-networks.js'
import { compileNetwork } from './compile-network.js'

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)))
  return worst
}

describe('compileNetwork → simulateProgram', () => {
  // Small tiles (2 cores) force cross-core partial sums and tile-to-tile send/receive.
  const mlpOptions = { coresPerTile: 2 }

  it('MLP 300-200-10 on 3 tiles is bit-exact with the Q4.12 reference and within quantization of float', () => {
    const network = mlpNetwork(11)
    const compiled = compileNetwork(network, mlpOptions)
    expect(compiled.program.machine.tiles).toBe(3)
    expect(compiled.layers[0]).toMatchObject({ layer: 'fc1', rowBlocks: 3, columnBlocks: 2 })
    const sendCount = compiled.program.tiles.flatMap((tile) => tile.program).filter((instruction) => instruction.op === 'send').length
    expect(sendCount).toBeGreaterThan(0)
    for (const seed of [1, 2, 3]) {
      const input = randomInput(seed, 300)
      const result = simulateProgram(compiled.program, { input })
      const fixed = referenceForward(network, input, { arithmetic: 'fixed-point' })
      expect(Array.from(result.outputs['output'] ?? [])).toEqual(Array.from(fixed))
      // Q4.12 steps are 2.4e-4; a few roundings per layer stay well under 2e-3.
      expect(maxAbsDifference(result.outputs['output'] as Float32Array, referenceForward(network, input, { arithmetic: 'float' }))).toBeLessThan(2e-3)
    }
  })

  it('LeNet-5-shaped CNN (conv, max/avg pool, flatten, dense) is bit-exact with the Q4.12 reference', () => {
    const network = lenetNetwork(5)
    const compiled = compileNetwork(network)
    expect(compiled.layers.map((layer) => layer.layer)).toEqual(['conv1', 'pool1', 'conv2', 'pool2', 'fc1', 'fc2', 'fc3'])
    expect(compiled.layers[2]).toMatchObject({ rowBlocks: 2, columnBlocks: 1, positions: 64 })
    const input = randomInput(9, 784)
    const result = simulateProgram(compiled.program, { input })
    const fixed = referenceForward(network, input, { arithmetic: 'fixed-point' })
    expect(Array.from(result.outputs['output'] ?? [])).toEqual(Array.from(fixed))
    expect(maxAbsDifference(result.outputs['output'] as Float32Array, referenceForward(network, input, { arithmetic: 'float' }))).toBeLessThan(5e-3)
    expect(result.instructionCounts['mvm']).toBe(576 + 64 + 1 + 1 + 1)
  })

  it('handles padding, stride, a multi-channel input, >128 channels and a C×H×W output bit-exactly', () => {
    const network = paddedConvNetwork(21)
    const compiled = compileNetwork(network, { coresPerTile: 4 })
    // conv1: 27 rows × 130 columns → 2 column blocks; pool1 runs on both owners; conv2: 520 rows → 5 row blocks.
    expect(compiled.layers[0]).toMatchObject({ rowBlocks: 1, columnBlocks: 2, positions: 25 })
    expect(compiled.layers[1]?.cores).toHaveLength(2)
    expect(compiled.layers[2]).toMatchObject({ rowBlocks: 5, columnBlocks: 1 })
    expect(compiled.program.inputs.length).toBeGreaterThan(1)
    const input = randomInput(8, 3 * 81)
    const result = simulateProgram(compiled.program, { input })
    const fixed = referenceForward(network, input, { arithmetic: 'fixed-point' })
    expect(result.outputs['output']).toHaveLength(4 * 5 * 5)
    expect(Array.from(result.outputs['output'] ?? [])).toEqual(Array.from(fixed))
    expect(maxAbsDifference(result.outputs['output'] as Float32Array, referenceForward(network, input, { arithmetic: 'float' }))).toBeLessThan(5e-3)
  })

  it('degrades with ADC noise in the bit-sliced MVMUs, more noise → larger error (seeded)', () => {
    const network = mlpNetwork(11)
    const compiled = compileNetwork(network, mlpOptions)
    const input = randomInput(4, 300)
    const exact = simulateProgram(compiled.program, { input }).outputs['output'] as Float32Array
    const errors = [0.15, 0.35].map((noise) => {
      const mvm = bitSlicedMvm({ noiseStdLsb: noise, random: createRandomSource(3) })
      return maxAbsDifference(simulateProgram(compiled.program, { input }, { mvm }).outputs['output'] as Float32Array, exact)
    })
    expect(errors[0]).toBeGreaterThan(0)
    expect(errors[1] as number).toBeGreaterThan(errors[0] as number)
  })

  it('splits a 32×32×32 feature map into bands of rows on separate tiles, bit-exact across the band edges', () => {
    const network = cifarConvNetwork(3)
    expect(() => compileNetwork(network, { splitLargeMaps: false })).toThrow(/tile 0 needs more than its 32768-word shared memory/)
    const compiled = compileNetwork(network)
    // (3072 + 32768) words × 2 / 32768 → 3 bands of conv1, each with its own weights on its own tile.
    const conv1Tiles = new Set(compiled.layers[0]?.cores.map((core) => core.tile))
    expect(conv1Tiles.size).toBe(3)
    expect(Math.max(...compiled.sharedMemoryWordsUsed)).toBeLessThanOrEqual(32768)
    const input = randomInput(5, 3 * 32 * 32)
    const result = simulateProgram(compiled.program, { input })
    expect(Array.from(result.outputs['output'] ?? [])).toEqual(Array.from(referenceForward(network, input, { arithmetic: 'fixed-point' })))
  })

  it('compiled programs round-trip through assembly text and the binary encoding', () => {
    const { program } = compileNetwork(mlpNetwork(11), mlpOptions)
    expect(assemble(disassemble(program))).toEqual(program)
    expect(decodeProgram(encodeProgram(program))).toEqual(program)
  })

  it('rejects a network that needs more cores than the node has', () => {
    expect(() => compileNetwork(mlpNetwork(1), { coresPerTile: 2, maxTiles: 2 })).toThrow(/needs 5 cores \(3 tiles\)/)
  })
})
