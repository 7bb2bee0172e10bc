import { describe, expect, it } from 'vitest'
import { createRandomSource } from '../random/create-random-source.js'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { InputEncoderV1 } from '../spec/peripheral/v1/input-encoder.js'
import type { OutputConverterV1 } from '../spec/peripheral/v1/output-converter.js'
import { checkComponentCostModel, checkSerialisable } from './check-cost-model.js'
import { checkOptionsSchema } from './check-rejects-options.js'

/** Options shared by the converter suites. @since 0.1.0 */
export interface ConverterConformanceOptions<T> {
  readonly create: () => T
  readonly registration?: { readonly optionsSchema: StandardSchemaV1 }
  readonly validOptions?: unknown
  readonly invalidOptions?: readonly { readonly options: unknown; readonly path: string }[]
}

/**
 * The input-encoder contract: planes within [−1, 1], reconstruction within half a step of the
 * input's resolution, determinism, serialisable state and a sourced cost.
 * @since 0.1.0
 */
export function describeInputEncoderConformance(name: string, options: ConverterConformanceOptions<InputEncoderV1>): void {
  describe(`input encoder conformance: ${name}`, () => {
    it('encodes into planes whose weighted sum reconstructs the input', () => {
      const encoder = options.create()
      expect(encoder.specificationVersion).toBe('v1')
      const count = 257
      const values = new Float32Array(count)
      const low = encoder.signed ? -1 : 0
      for (let index = 0; index < count; index++) values[index] = low + ((1 - low) * index) / (count - 1)
      const encoded = encoder.encode(values)
      expect(encoded.cycles).toBe(encoder.cycles)
      expect(encoded.planes.length).toBe(encoded.cycles * count)
      expect(encoded.planeWeights.length).toBe(encoded.cycles)
      for (const level of encoded.planes) expect(level >= -1 - 1e-6 && level <= 1 + 1e-6).toBe(true)
      // One quantization step of a `bits`-bit encoder spans the full range / (2^bits − 1).
      const step = encoder.bits === null ? 0 : (1 - low) / (2 ** encoder.bits - 1)
      for (let index = 0; index < count; index++) {
        let sum = 0
        for (let cycle = 0; cycle < encoded.cycles; cycle++) sum += encoded.planeWeights[cycle]! * encoded.planes[cycle * count + index]!
        expect(Math.abs(sum - values[index]!)).toBeLessThanOrEqual(step / 2 + 1e-5)
      }
    })

    it('declares uniformLevels only when encode is exactly those levels, bit for bit', () => {
      const encoder = options.create()
      const levels = encoder.uniformLevels
      if (levels === undefined) return
      expect(encoder.cycles).toBe(1)
      // Every grid point, the ties between them, zeros of both signs, the range ends and beyond.
      const values: number[] = [0, -0, 1, -1, 1.5, -1.5, Number.NaN, 1e-30, -1e-30]
      for (let code = -levels.scale - 1; code <= levels.scale + 1 && values.length < 20000; code += Math.max(1, Math.floor(levels.scale / 4000))) {
        for (const offset of [0, 0.5, -0.5, 0.25]) values.push(Math.fround((code + offset) / levels.scale))
      }
      const input = Float32Array.from(values)
      const encoded = encoder.encode(input)
      expect(encoded.planeWeights[0]).toBe(levels.planeWeight)
      const halfAway = levels.rounding === 'half-away-from-zero'
      const mismatches: string[] = []
      for (let index = 0; index < input.length; index++) {
        // UniformLevelsV1, as its documentation writes it.
        const clipped = Math.min(1, Math.max(levels.low, input[index]!))
        const scaled = clipped * levels.scale
        let code = halfAway ? Math.sign(clipped) * Math.round(Math.abs(scaled)) : Math.round(scaled) + 0
        code = code < levels.minCode ? levels.minCode : code > levels.maxCode ? levels.maxCode : code
        const expected = Math.fround(code / levels.divisor)
        if (!Object.is(encoded.planes[index], expected) && !(Number.isNaN(expected) && Number.isNaN(encoded.planes[index]))) mismatches.push(`${input[index]}: ${encoded.planes[index]} vs ${expected}`)
      }
      expect(mismatches.slice(0, 5)).toEqual([])
    })

    it('is deterministic and serialisable, with a sourced cost', () => {
      const values = new Float32Array([0.1, 0.5, 0.9])
      expect(Array.from(options.create().encode(values).planes)).toEqual(Array.from(options.create().encode(values).planes))
      const encoder = options.create()
      checkSerialisable(encoder)
      checkComponentCostModel(encoder.cost)
    })

    if (options.registration !== undefined) {
      const registration = options.registration
      it('rejects bad options with the key path', async () => {
        await checkOptionsSchema(registration, options.validOptions ?? {}, options.invalidOptions ?? [])
      })
    }
  })
}

/**
 * The output-converter contract: outputs inside the range (clipping), monotone in the input when
 * noiseless, determinism under a seed, aliasing allowed, serialisable state and a sourced cost.
 * @since 0.1.0
 */
export function describeOutputConverterConformance(
  name: string,
  options: ConverterConformanceOptions<OutputConverterV1> & { readonly noiseless?: boolean },
): void {
  describe(`output converter conformance: ${name}`, () => {
    const range = { min: -2, max: 3 }
    const count = 401
    const values = new Float32Array(count)
    for (let index = 0; index < count; index++) values[index] = -4 + (9 * index) / (count - 1)

    it('clips to the range and keeps outputs finite', () => {
      const converter = options.create()
      expect(converter.specificationVersion).toBe('v1')
      const out = new Float32Array(count)
      converter.convert(values, 1, range, createRandomSource(1), out)
      for (const value of out) {
        expect(Number.isFinite(value)).toBe(true)
        expect(value >= range.min - 1e-6 && value <= range.max + 1e-6).toBe(true)
      }
    })

    if (options.noiseless !== false) {
      it('is monotone in its input when noiseless', () => {
        const out = new Float32Array(count)
        options.create().convert(values, 1, range, createRandomSource(1), out)
        for (let index = 1; index < count; index++) expect(out[index]!).toBeGreaterThanOrEqual(out[index - 1]!)
      })
    }

    it('declares idealUniform only when convert is exactly the ideal uniform quantizer', () => {
      const converter = options.create()
      if (converter.idealUniform !== true) return
      expect(converter.bits, 'an ideal uniform converter states its bits').not.toBeNull()
      const steps = 2 ** converter.bits! - 1
      // Values across and beyond the range, including exact half-steps.
      const probe = new Float32Array(4 * steps + 9)
      for (let index = 0; index < probe.length; index++) probe[index] = range.min - 2 + ((range.max - range.min + 4) * index) / (probe.length - 1)
      probe[0] = range.min + (range.max - range.min) * (0.5 / steps)
      const out = new Float32Array(probe.length)
      converter.convert(probe, 1, range, createRandomSource(3), out)
      const span = range.max - range.min
      const perUnit = steps / span
      const step = span / steps
      for (let index = 0; index < probe.length; index++) {
        const code = Math.min(steps, Math.max(0, Math.floor((probe[index]! - range.min) * perUnit + 0.5)))
        expect(out[index], `value ${probe[index]}`).toBe(Math.fround(range.min + code * step))
      }
    })

    it('is deterministic under a seed and allows out to alias the input', () => {
      const first = new Float32Array(count)
      options.create().convert(values, 1, range, createRandomSource(9), first)
      const aliased = values.slice()
      options.create().convert(aliased, 1, range, createRandomSource(9), aliased)
      expect(Array.from(aliased)).toEqual(Array.from(first))
    })

    it('is serialisable, with a sourced cost', () => {
      const converter = options.create()
      checkSerialisable(converter)
      checkComponentCostModel(converter.cost)
    })

    if (options.registration !== undefined) {
      const registration = options.registration
      it('rejects bad options with the key path', async () => {
        await checkOptionsSchema(registration, options.validOptions ?? {}, options.invalidOptions ?? [])
      })
    }
  })
}
