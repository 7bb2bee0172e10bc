import { describe, expect, it } from 'vitest'
import { assemble } from '../isa/assemble.js'
import { int16ToBase64 } from '../isa/base64.js'
import { PumaDeadlockError } from '../isa/puma-errors.js'
import { simulateProgram } from './simulate-program.js'

const MACHINE = '.machine tiles=2 cores=1 mvmus=1 rows=4 columns=4 registers=16 memory=64 fraction=12'
// diag(1, −1, 0.5, 2) in Q4.12, row = input
const WEIGHTS = int16ToBase64(Int16Array.from([4096, 0, 0, 0, 0, -4096, 0, 0, 0, 0, 2048, 0, 0, 0, 0, 8192]))

const TWO_TILES = `${MACHINE}
.input x tile=0 address=0 length=4 counts=1*4
.output y tile=1 address=16 length=4 offset=0
.matrix tile=0 core=0 mvmu=0 data=${WEIGHTS}
.tile 0
  send @8, 4, 1
  hlt
.tile 1
  receive @0, 4, 1, 0
  hlt
.core 0 0 label=layer1
  load r0, @0, 4
  mvm 1
  alu relu r8, r4, 4
  store @8, r8, 1, 4
  hlt
.core 1 0 label=layer2
  load r8, @0, 4
  alui mul r12, r8, 8192, 4   ; × 2.0
  store @16, r12, 1, 4
  hlt
`

describe('PUMA instruction-level simulator', () => {
  it('runs an MVM, the VFU and a tile-to-tile transfer to the expected values', () => {
    const result = simulateProgram(assemble(TWO_TILES), { x: Float32Array.from([0.5, 0.25, -1, 0.75]) })
    // relu(x · diag(1, −1, 0.5, 2)) × 2 = relu([0.5, −0.25, −0.5, 1.5]) × 2
    expect(Array.from(result.outputs['y'] ?? [])).toEqual([1, 0, 0, 3])
  })

  it('counts cycles from the PUMA latencies: load 3, mvm (16+2)·100, relu 4, store 3, send/receive 31+3', () => {
    const result = simulateProgram(assemble(TWO_TILES), { x: Float32Array.from([0.5, 0.25, -1, 0.75]) })
    // core 0: 3 + 1800 + 4 + 3 = 1810; send 1810 → 1844; receive 1844 → 1878; core 1: load 1881, alui 1885, store 1888, hlt 1889
    expect(result.cycles).toBe(1889)
    expect(result.latencyS).toBeCloseTo(1889e-9, 15)
    expect(result.instructionCounts).toMatchObject({ mvm: 1, load: 2, store: 2, send: 1, receive: 1, alu: 1, alui: 1, hlt: 4 })
    expect(result.busyCycles['mvm']).toBe(1800)
  })

  it('counts unit actions per layer: 8 slices × 16 input bits × 4 columns conversions for one MVM', () => {
    const result = simulateProgram(assemble(TWO_TILES), { x: Float32Array.from([0.5, 0.25, -1, 0.75]) }, { energyPerActionJ: { adc: { convert: 1e-12 }, network: { bytes: 1e-13 } } })
    expect(result.activity['layer1']?.['adc']?.['convert']).toBe(512)
    expect(result.activity['layer1']?.['array']?.['mvm']).toBe(128)
    expect(result.activity['layer1']?.['dac']?.['drive']).toBe(512)
    expect(result.activity['layer2']?.['digital']?.['op']).toBe(4)
    expect(result.activity['tile0']?.['network']?.['bytes']).toBe(8)
    expect(result.dynamicEnergyJ).toBeCloseTo(512e-12 + 8e-13, 20)
    expect(result.energyByOpcodeJ).toEqual({ mvm: 512e-12, send: 8e-13, load: 0, store: 0, alu: 0, alui: 0, receive: 0, hlt: 0 })
  })

  it('routes inputs through the input shuffle unit: mvm shift 1 reads input i + 1 on row i', () => {
    const program = assemble(`.machine tiles=1 cores=1 mvmus=1 rows=4 columns=4 registers=16 memory=64 fraction=12
.input x tile=0 address=0 length=4 counts=1*4
.output y tile=0 address=8 length=4
.matrix tile=0 core=0 mvmu=0 data=${WEIGHTS}
.core 0 0
  load r0, @0, 4
  mvm 1, 1
  store @8, r4, 1, 4
  hlt
`)
    const result = simulateProgram(program, { x: Float32Array.from([0.5, 0.25, -1, 0.75]) })
    // rows see [0.25, −1, 0.75, 0.5]; × diag(1, −1, 0.5, 2)
    expect(Array.from(result.outputs['y'] ?? [])).toEqual([0.25, 1, 0.375, 1])
  })

  it('runs loops with register-indirect loads and branches', () => {
    const program = assemble(`.machine tiles=1 cores=1 mvmus=1 rows=4 columns=4 registers=16 memory=64 fraction=12
.input x tile=0 address=0 length=4 counts=1*4
.output sum tile=0 address=20 length=1
.core 0 0
  set r8, 0, 1
  set r9, 1, 1
  set r10, 4, 1
  set r11, 0, 1
loop:
  load r12, [r8], 1
  alu add r11, r11, r12, 1
  aluint add r8, r8, r9
  blt r8, r10, loop
  store @20, r11, 1, 1
  hlt
`)
    const result = simulateProgram(program, { x: Float32Array.from([0.5, 1.25, -0.75, 2]) })
    expect(result.outputs['sum']?.[0]).toBe(3)
    expect(result.instructionCounts['load']).toBe(4)
  })

  it('raises a deadlock naming both tiles when each receives before it sends', () => {
    const program = assemble(`.machine tiles=2 cores=1 mvmus=1 rows=4 columns=4 registers=16 memory=64 fraction=12
.tile 0
  receive @0, 4, 1, 1
  send @8, 4, 1
  hlt
.tile 1
  receive @0, 4, 1, 0
  send @8, 4, 0
  hlt
`)
    expect(() => simulateProgram(program, {})).toThrow(PumaDeadlockError)
    try {
      simulateProgram(program, {})
    } catch (error) {
      expect((error as PumaDeadlockError).blocked).toHaveLength(2)
      expect((error as PumaDeadlockError).message).toMatch(/tile 0 waiting for a message from tile 1/)
    }
  })

  it('reports an output that was never written', () => {
    const program = assemble(`.machine tiles=1 cores=1 mvmus=1 rows=4 columns=4 registers=16 memory=64 fraction=12
.output y tile=0 address=0 length=2
.core 0 0
  hlt
`)
    expect(() => simulateProgram(program, {})).toThrow(/output "y" word 0 .* was never written/)
  })
})
