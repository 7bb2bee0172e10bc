import type { ArrayOrganizationV1, DeviceModelV1, InputEncoderV1, OutputConverterV1 } from '@cimkit/core'
import { z } from 'zod'
import { BitSerialEncoder } from '../testing/bit-serial-encoder.js'
import { DacEncoder } from '../testing/dac-encoder.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { UniformAdc } from '../testing/uniform-adc.js'
import type { EngineOptions } from '../engine/engine-options.js'

/** The CrossSim benchmark cases of TARGETS.md §3 (anchor-crosssim.md §8.2). @since 0.1.0 */
export const ENGINE_BENCHMARK_CASE_IDS = ['prog-dac8-adc8', 'weight-slices', 'input-bitserial', 'both-slicings', 'read-noise', 'wire-resistance'] as const

/** @since 0.1.0 */
export type EngineBenchmarkCaseId = (typeof ENGINE_BENCHMARK_CASE_IDS)[number]

/** One case to time: which hardware, on an n×n matrix, with `batch` vectors per call. @since 0.1.0 */
export interface EngineBenchmarkCase {
  readonly id: EngineBenchmarkCaseId
  readonly n: number
  readonly batch: number
}

/**
 * The benchmark's options besides the backend (a live object): a wrong key or case id is an error.
 * @since 0.1.0
 */
export const engineBenchmarkOptionsSchema = z.strictObject({
  cases: z
    .array(
      z.strictObject({
        id: z.enum(ENGINE_BENCHMARK_CASE_IDS),
        n: z.number().int().positive().describe('matrix size: n×n weights, n inputs per vector'),
        batch: z.number().int().positive().describe('vectors per mvm call'),
      }),
    )
    .optional(),
  vsNumpy: z.boolean().default(false).describe('also time NumPy float32 W @ X in a python3 child'),
  targetSeconds: z.number().positive().default(1).describe('seconds of timed calls per case, s'),
  seed: z.number().int().default(1).describe('seed of matrices, inputs and programming'),
})

/**
 * The TARGETS.md §3 table: every case at N = 1024 except wire resistance (N = 256, as CrossSim's
 * figure), plus `prog-dac8-adc8` at 256; batch 64.
 * @since 0.1.0
 */
export const DEFAULT_ENGINE_BENCHMARK_CASES: readonly EngineBenchmarkCase[] = [
  { id: 'prog-dac8-adc8', n: 1024, batch: 64 },
  { id: 'prog-dac8-adc8', n: 256, batch: 64 },
  { id: 'weight-slices', n: 1024, batch: 64 },
  { id: 'input-bitserial', n: 1024, batch: 64 },
  { id: 'both-slicings', n: 1024, batch: 64 },
  { id: 'read-noise', n: 1024, batch: 64 },
  { id: 'wire-resistance', n: 256, batch: 64 },
]

/** Hardware and engine options of one case. @since 0.1.0 */
export interface BenchmarkHardware {
  readonly organization: ArrayOrganizationV1
  readonly device: DeviceModelV1
  readonly inputEncoder: InputEncoderV1
  readonly outputConverter: OutputConverterV1
  readonly engine: EngineOptions
}

/**
 * The hardware of a case, as CrossSim defines it (anchor-crosssim.md §2, §8.1): the whole n×n
 * matrix on one array (no partitioning), one-sided differential cells (G⁺/G⁻ on adjacent columns),
 * 8-bit weights (7-bit cells, or 4 slices of 2 bits: CrossSim's balanced slicing, b = ⌈7/4⌉),
 * R 10 kΩ–1 MΩ (CrossSim's Rmin/Rmax of the benchmark), an 8-bit signed DAC (sign-magnitude bit
 * planes when bit-serial: 7 passes), an 8-bit ADC per slice and per input bit with a range
 * calibrated at the 99.99th percentile (CrossSim's CALIBRATED). The device is the engine's test
 * double with 5 % state-proportional Gaussian programming error and, for `read-noise`, 2 %
 * state-proportional Gaussian noise redrawn on every read (CrossSim's NormalProportionalDevice).
 * @since 0.1.0
 */
export function benchmarkHardware(id: EngineBenchmarkCaseId, n: number): BenchmarkHardware {
  const slices = id === 'weight-slices' || id === 'both-slicings' ? 4 : 1
  const bitSerial = id === 'input-bitserial' || id === 'both-slicings'
  const organization: ArrayOrganizationV1 = {
    rows: n,
    columns: 2 * n * slices,
    weightBits: 8,
    bitsPerCell: slices === 4 ? 2 : 7,
    inputBits: 8,
    weightMapping: 'differential',
    conversion: 'per-input-bit',
    columnsPerConverter: 1,
  }
  const device = new IdealLevelsDevice({
    minS: 1e-6,
    maxS: 1e-4,
    levels: null,
    programmingErrorProportional: 0.05,
    ...(id === 'read-noise' ? { readNoiseProportional: 0.02 } : {}),
  })
  const inputEncoder = bitSerial ? new BitSerialEncoder({ bits: 8, signed: true, signedEncoding: 'sign-magnitude' }) : new DacEncoder({ bits: 8, signed: true })
  return {
    organization,
    device,
    inputEncoder,
    // An ideal 8-bit ADC (CrossSim's): it says so, so the engine converts and accumulates in one backend pass.
    outputConverter: new UniformAdc({ bits: 8, idealUniform: true }),
    engine: {
      adcRange: { mode: 'calibrated', percentile: 99.99 },
      // 0.1 Ω per cell pitch on rows and columns (CrossSim's Rp/Rmin = 1e-5 with Rmin = 10 kΩ).
      ...(id === 'wire-resistance' ? { wireResistanceOhm: 0.1 } : {}),
    },
  }
}
