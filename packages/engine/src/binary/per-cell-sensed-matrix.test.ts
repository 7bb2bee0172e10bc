import type { ConversionRangeV1, OutputConverterV1, RandomSource } from '@cimkit/core'
import { createRandomSource, normalCdf } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { programAnalogMatrix } from '../engine/program-analog-matrix.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { testDoubleCost } from '../testing/test-cost.js'
import type { SensingOrganization } from './cell-sensing.js'
import { PerCellSensedMatrix } from './per-cell-sensed-matrix.js'

/** A precharge-sense-amplifier-like comparator: decides ln((1+u)/(1−u)) + offset + noise ≥ 0 (paper 004 PCSA model). */
class ComparatorDouble implements OutputConverterV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'comparator-double'
  readonly bits = 1
  readonly cost = testDoubleCost('sense-amp', 'convert')
  constructor(private readonly options: { readonly noiseStdLn?: number; readonly offsetStdLn?: number; readonly drawAlways?: boolean } = {}) {}

  convert(values: Float32Array, columns: number, range: ConversionRangeV1, random: RandomSource, out: Float32Array): void {
    const offsets = new Float32Array(columns)
    if ((this.options.offsetStdLn ?? 0) > 0) random.stream('mismatch').fillNormal(offsets, 0, this.options.offsetStdLn)
    const noiseStd = this.options.noiseStdLn ?? 0
    const noise = new Float32Array(values.length)
    // drawAlways: draws zero-σ noise, so the engine must treat the reads as random although no decision changes.
    if (noiseStd > 0 || this.options.drawAlways === true) random.fillNormal(noise, 0, noiseStd)
    for (let index = 0; index < values.length; index++) {
      const u = Math.max(-1 + 1e-7, Math.min(1 - 1e-7, values[index]!))
      out[index] = Math.log((1 + u) / (1 - u)) + offsets[index % columns]! + noise[index]! >= 0 ? range.max : range.min
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

const pairs: SensingOrganization = { rows: 32, columns: 64, weightBits: 1, bitsPerCell: 1, inputBits: 1, weightMapping: 'complementary-binary', conversion: 'per-input-bit', columnsPerConverter: 1, sensing: 'per-cell' }
const singles: SensingOrganization = { ...pairs, weightMapping: 'offset-reference' }

function randomSigns(count: number, seed: number, scale = 0.5): Float32Array {
  const random = createRandomSource(seed)
  return Float32Array.from({ length: count }, () => (random.nextUniform() < 0.5 ? -scale : scale) * (0.5 + random.nextUniform()))
}

function program(weights: Float32Array, rows: number, columns: number, options: { device?: IdealLevelsDevice; converter?: OutputConverterV1 | null; organization?: SensingOrganization; seed?: number } = {}) {
  return programAnalogMatrix(weights, rows, columns, {
    organization: options.organization ?? pairs,
    device: options.device ?? new IdealLevelsDevice({ minS: 2e-5, maxS: 1e-4, levels: 2 }),
    inputEncoder: null,
    outputConverter: options.converter === undefined ? null : options.converter,
    backend: referenceBackend,
    random: createRandomSource(options.seed ?? 7),
  }) as PerCellSensedMatrix
}

function exactProduct(inputs: Float32Array, weights: Float32Array, batch: number, rows: number, columns: number): Float32Array {
  const out = new Float32Array(batch * columns)
  for (let b = 0; b < batch; b++) for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) out[b * columns + c]! += inputs[b * rows + r]! * (weights[r * columns + c]! >= 0 ? 1 : -1)
  return out
}

/** Sensed ±1 matrix, read back through one-hot (non-binary) inputs: output row r = sensed row r × scale. */
function sensedMatrix(matrix: PerCellSensedMatrix, scale: number): Float32Array {
  const identity = new Float32Array(matrix.rows * matrix.rows)
  for (let r = 0; r < matrix.rows; r++) identity[r * matrix.rows + r] = 1
  return matrix.mvm(identity, matrix.rows).map((value) => value / scale)
}

describe('per-cell sensing of binary weights (paper 004 PCSA + digital popcount)', () => {
  it('exact levels and an ideal comparator: ±1 inputs give the popcount Σ XNOR = x·sign(W) exactly, pixel inputs the digital x·sign(W); counts follow the vocabulary', () => {
    const [rows, columns, batch] = [100, 70, 5]
    const weights = randomSigns(rows * columns, 1)
    const matrix = program(weights, rows, columns)
    expect(matrix).toBeInstanceOf(PerCellSensedMatrix)
    const scale = Math.max(...weights.map(Math.abs))
    const binary = Float32Array.from({ length: batch * rows }, (_, i) => (((i * 7919) % 3) === 0 ? -1 : 1))
    const expected = exactProduct(binary, weights, batch, rows, columns).map((value) => value * scale)
    expect(Array.from(matrix.mvm(binary, batch))).toEqual(Array.from(expected))
    const pixels = Float32Array.from({ length: batch * rows }, (_, i) => (i % 11) / 10)
    const digital = exactProduct(pixels, weights, batch, rows, columns)
    matrix.mvm(pixels, batch).forEach((value, i) => expect(value).toBeCloseTo(digital[i]! * scale, 4))
    // 100 rows on 32-row arrays: 4 row blocks; 70 outputs on 64 columns of pairs: 3 column blocks.
    expect(matrix.layout.rowBlocks).toBe(4)
    expect(matrix.layout.columnBlocks).toBe(3)
    const activity = matrix.activity()
    expect(activity.adc!.convert).toBe(2 * batch * rows * columns)
    expect(activity.array!.cellRead).toBe(2 * 2 * batch * rows * columns)
    expect(activity.array!.mvm).toBe(2 * batch * rows * 3)
    expect(activity.digital!.op).toBe(batch * rows * columns)
    expect(activity.shiftAdd!.add).toBe(batch * rows * columns + 2 * batch * columns * 3)
    expect(Object.keys(matrix.arrayActivity())).toHaveLength(12)
  })

  it('Gaussian programming error σ = 2e-5 S on 2e-5/1e-4 S: sensed error rates Φ(−ΔG/(σ√2)) for 2T2R pairs and the midpoint-reference rate for 1T1R, within 5σ of 65,536 synapses; 2T2R < 1T1R', () => {
    const [rows, columns] = [256, 256]
    const weights = randomSigns(rows * columns, 2)
    const device = new IdealLevelsDevice({ minS: 2e-5, maxS: 1e-4, levels: 2, programmingErrorIndependent: 0.2 })
    const errorRate = (organization: SensingOrganization) => {
      const matrix = program(weights, rows, columns, { device, organization })
      const sensed = sensedMatrix(matrix, Math.max(...weights.map(Math.abs)))
      let errors = 0
      sensed.forEach((value, i) => (errors += value !== (weights[i]! >= 0 ? 1 : -1) ? 1 : 0))
      return errors / sensed.length
    }
    const sigma = 2e-5
    const reference = Math.sqrt(2e-5 * 1e-4)
    const pairRate = normalCdf(-(1e-4 - 2e-5) / (sigma * Math.SQRT2))
    // Balanced signs: half the cells at LRS (misread below the reference), half at HRS (above it).
    const singleRate = (normalCdf((reference - 1e-4) / sigma) + normalCdf((2e-5 - reference) / sigma)) / 2
    const n = rows * columns
    const measuredPair = errorRate(pairs)
    const measuredSingle = errorRate(singles)
    expect(Math.abs(measuredPair - pairRate)).toBeLessThan(5 * Math.sqrt((pairRate * (1 - pairRate)) / n))
    expect(Math.abs(measuredSingle - singleRate)).toBeLessThan(5 * Math.sqrt((singleRate * (1 - singleRate)) / n))
    expect(measuredPair).toBeLessThan(measuredSingle / 10)
  })

  it('a deterministic comparator with static per-column offsets: the two-GEMM fast path equals deciding every synapse on every read', () => {
    const [rows, columns, batch] = [96, 40, 6]
    const weights = randomSigns(rows * columns, 3)
    // Pairs of ratio 1.5 (ln 0.41) against offsets σ 0.5: many cells read differently for x = +1 and x = −1.
    const device = new IdealLevelsDevice({ minS: 2e-5, maxS: 3e-5, levels: 2 })
    const fast = program(weights, rows, columns, { device, converter: new ComparatorDouble({ offsetStdLn: 0.5 }) })
    const perRead = program(weights, rows, columns, { device, converter: new ComparatorDouble({ offsetStdLn: 0.5, drawAlways: true }) })
    expect(fast.drawsPerRead()).toBe(false)
    expect(perRead.drawsPerRead()).toBe(true)
    const inputs = Float32Array.from({ length: batch * rows }, (_, i) => (((i * 104729) % 5) < 2 ? -1 : 1))
    const viaGemm = fast.mvm(inputs, batch)
    expect(Array.from(perRead.mvm(inputs, batch))).toEqual(Array.from(viaGemm))
    // The offsets do change decisions: the result is not the offset-free product.
    const scale = Math.max(...weights.map(Math.abs))
    expect(Array.from(viaGemm)).not.toEqual(Array.from(exactProduct(inputs, weights, batch, rows, columns).map((value) => value * scale)))
  })

  it('decision noise σ = 0.34 (paper 004 PCSA) on pairs of ratio 2: misreads at Φ(−ln 2/0.34) per read, redrawn on every read (within 5σ)', () => {
    const [rows, columns, batch] = [64, 64, 50]
    const weights = Float32Array.from({ length: rows * columns }, () => 1)
    const device = new IdealLevelsDevice({ minS: 5e-5, maxS: 1e-4, levels: 2 })
    const matrix = program(weights, rows, columns, { device, converter: new ComparatorDouble({ noiseStdLn: 0.34 }) })
    expect(matrix.drawsPerRead()).toBe(true)
    const inputs = new Float32Array(batch * rows).fill(1)
    const first = matrix.mvm(inputs, batch)
    const second = matrix.mvm(inputs, batch)
    expect(Array.from(second)).not.toEqual(Array.from(first))
    // Each output = rows − 2·misreads; all weights +1 and inputs +1.
    let misreads = 0
    for (const value of [...first, ...second]) misreads += (rows - value) / 2
    const decisions = 2 * batch * rows * columns
    const expected = normalCdf(-Math.log(2) / 0.34)
    expect(Math.abs(misreads / decisions - expected)).toBeLessThan(5 * Math.sqrt((expected * (1 - expected)) / decisions))
  })

  it('device read noise makes every read draw; without it and with an ideal comparator one sensing serves all reads', () => {
    const weights = randomSigns(32 * 32, 4)
    const noisy = program(weights, 32, 32, { device: new IdealLevelsDevice({ minS: 2e-5, maxS: 1e-4, levels: 2, readNoiseProportional: 0.3 }) })
    const quiet = program(weights, 32, 32)
    expect(noisy.drawsPerRead()).toBe(true)
    expect(quiet.drawsPerRead()).toBe(false)
  })

  it('drift G(t) = G(t₀)·(t/t₀)^−0.1 at 1e8 s (×0.158): 2T2R pairs drift together and read right, 1T1R LRS cells fall below the fixed reference and every +1 reads −1', () => {
    const [rows, columns] = [32, 32]
    const weights = randomSigns(rows * columns, 6)
    const device = new IdealLevelsDevice({ minS: 2e-5, maxS: 1e-4, levels: 2, driftExponent: 0.1 })
    const scale = Math.max(...weights.map(Math.abs))
    const identity = new Float32Array(rows * rows)
    for (let r = 0; r < rows; r++) identity[r * rows + r] = 1
    const read = (organization: SensingOrganization, timeS: number) => program(weights, rows, columns, { device, organization }).mvm(identity, rows, { timeS }).map((value) => value / scale)
    const signs = weights.map((weight) => (weight >= 0 ? 1 : -1))
    expect(Array.from(read(pairs, 1e8))).toEqual(Array.from(signs))
    expect(Array.from(read(singles, 1))).toEqual(Array.from(signs))
    // 1e-4 × 0.158 = 1.6e-5 S and 2e-5 × 0.158 = 3.2e-6 S, both below the 4.47e-5 S reference.
    expect(Array.from(read(singles, 1e8))).toEqual(Array.from(signs, () => -1))
  })

  it('read disturb: each mvm reads every device once per input vector at polarity +1, and the next mvm senses the disturbed cells', () => {
    const weights = randomSigns(32 * 32, 7)
    // 1 % conductance loss per read: after 92 reads (32 + 60) an LRS cell of 1e-4 S sits at 4.0e-5 S, below the 1T1R reference 4.47e-5 S.
    const matrix = program(weights, 32, 32, { device: new IdealLevelsDevice({ minS: 2e-5, maxS: 1e-4, levels: 2, readDisturbPerRead: 0.01 }), organization: singles })
    const scale = Math.max(...weights.map(Math.abs))
    const identity = new Float32Array(32 * 32)
    for (let r = 0; r < 32; r++) identity[r * 32 + r] = 1
    const signs = Array.from(weights, (weight) => (weight >= 0 ? 1 : -1))
    expect(Array.from(matrix.mvm(identity, 32).map((value) => value / scale))).toEqual(signs)
    matrix.mvm(new Float32Array(60 * 32).fill(1), 60)
    expect(Array.from(matrix.mvm(identity, 32).map((value) => value / scale))).toEqual(signs.map(() => -1))
  })

  it('rejects what per-cell sensing cannot read, naming the config key', () => {
    const weights = randomSigns(32 * 32, 5)
    const base = { device: new IdealLevelsDevice({ minS: 2e-5, maxS: 1e-4, levels: 2 }), inputEncoder: null, outputConverter: null, backend: referenceBackend, random: createRandomSource(1) }
    const attempt = (changes: Record<string, unknown>) => () => programAnalogMatrix(weights, 32, 32, { ...base, organization: pairs, ...changes } as never)
    expect(attempt({ organization: { ...pairs, sensing: 'cell' } })).toThrow(/organization\.sensing/)
    expect(attempt({ organization: { ...pairs, weightMapping: 'differential', weightBits: 2 } })).toThrow(/organization\.weightBits/)
    expect(attempt({ organization: { ...pairs, weightMapping: 'differential' } })).toThrow(/organization\.weightMapping/)
    expect(attempt({ outputConverter: { ...new ComparatorDouble(), bits: 3, type: 'flash' } })).toThrow(/peripherals\.adc.*3 bits/)
    expect(attempt({ inputEncoder: { type: 'dac' } })).toThrow(/peripherals\.dac/)
    expect(attempt({ middleware: [{ type: 'drift-compensation', wrapMvm: () => new Float32Array(0) }] })).toThrow(/reliability.*drift-compensation/)
  })
})
