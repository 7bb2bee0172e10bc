import type { ArrayOrganizationV1, ComputeBackendV1, DeviceModelV1, InputEncoderV1, OutputConverterV1, RandomSource, ReliabilityMiddlewareV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { profileEncoder, programAnalogMatrix } from '@cimkit/engine'
import type { AdcRangeOptions, AnalogMatrix } from '@cimkit/engine'
import { mvmFromMatrices } from './matrix-mvm-adapter.js'
import { PlaneEncoder } from './plane-encoder.js'
import type { MvmFunction } from './mvm-function.js'

/** The hardware an MVMU is built from, as the engine takes it. @since 0.1.0 */
export interface EngineMvmOptions {
  /** The MVMU's array organization, e.g. `createPumaArchitecture().arrays` (128×128, 8 × 2-bit slices, 16-bit bit-serial inputs). */
  readonly organization: ArrayOrganizationV1
  readonly device: DeviceModelV1
  /** null = ideal analog inputs. */
  readonly inputEncoder: InputEncoderV1 | null
  /** null = ideal (infinite-resolution) readout. */
  readonly outputConverter: OutputConverterV1 | null
  readonly middleware?: readonly ReliabilityMiddlewareV1[]
  readonly backend: ComputeBackendV1
  /** Each MVMU block programs from `random.stream('mvmu', blockId)`. */
  readonly random: RandomSource
  /** Converter range handling (engine option); default `max`, the range that keeps every integer product. */
  readonly adcRange?: AdcRangeOptions
  /** Seconds since programming at which arrays are read (drift); default: the device's reference. */
  readonly timeS?: number
  /** Receives each programmed array, e.g. to collect the engine's activity counts. */
  readonly onProgram?: (blockId: string, matrix: AnalogMatrix) => void
}

/**
 * MVMUs made of the engine's analog arrays (`programAnalogMatrix`): each block's 16-bit fixed-point
 * weights are programmed onto the configured device through its slicing and mapping, the inputs go
 * through the configured encoder and the column outputs through the configured converter, so device
 * and converter non-idealities reach the program's results. With an ideal device, an ideal readout
 * and a 16-bit bit-serial encoder the result equals `idealMvm` (checked in tests).
 *
 * The encoder's planes are read one per engine call (a batch of planes) and added in float64 with
 * their weights, as PUMA's shift-and-add unit adds them in wide integers: one plane's product stays
 * below 2^24 LSBs and so is exact in the engine's float32 result, while the full 16 × 16-bit
 * product (up to 2^38 LSBs) would not be.
 * @example simulateProgram(program, { input }, { mvm: engineMvm({ organization: puma.arrays, device, inputEncoder, outputConverter: null, backend, random }) })
 * @since 0.1.0
 */
export function engineMvm(options: EngineMvmOptions): MvmFunction {
  const { organization, inputEncoder } = options
  const maxInteger = 2 ** (organization.weightBits - 1) - 1
  const planes = inputEncoder === null ? null : planeDrive(inputEncoder)
  return mvmFromMatrices((weights, rows, columns, blockId, fractionBits) => {
    // NOTE: PUMA stores a fixed-point word directly in its cells (one LSB = one step of the lowest
    // slice), while the engine maps a matrix's largest |weight| to its largest level. An undriven
    // anchor row holding the full-scale word (2^15 − 1 LSBs) pins the engine's weight scale to the
    // fixed point's; its input is always 0, so it adds no current.
    const lsb = 2 ** -fractionBits
    const fullScale = maxInteger * lsb
    const anchored = new Float32Array((rows + 1) * columns)
    anchored.set(weights)
    anchored[rows * columns] = fullScale
    const matrix = programAnalogMatrix(anchored, rows + 1, columns, {
      organization: planes === null ? organization : { ...organization, inputBits: planes.encoder.bits, conversion: 'per-input-bit' },
      device: options.device,
      inputEncoder: planes === null ? null : planes.encoder,
      outputConverter: options.outputConverter,
      ...(options.middleware === undefined ? {} : { middleware: options.middleware }),
      backend: options.backend,
      random: options.random.stream('mvmu', blockId),
      layerName: blockId,
      adcRange: options.adcRange ?? { mode: 'max' },
      inputRange: planes === null ? fullScale : 1,
    })
    options.onProgram?.(blockId, matrix)
    const read = (drive: Float32Array, batch: number): Float32Array => (options.timeS === undefined ? matrix.mvm(drive, batch) : matrix.mvm(drive, batch, { timeS: options.timeS }))
    const padded = new Float32Array(rows + 1)
    return {
      mvm(inputs: Float32Array, batch: number): Float32Array | Float64Array {
        if (batch !== 1) throw new InvalidArgumentError('batch', 'engineMvm reads one vector at a time')
        if (planes === null) {
          padded.set(inputs)
          return read(padded, 1)
        }
        // Full scale of the encoder = 2^15 − 1 LSBs, so each 16-bit word drives its own bit pattern.
        const normalized = new Float32Array(rows)
        for (let i = 0; i < rows; i++) normalized[i] = (inputs[i] as number) / fullScale
        const encoded = (inputEncoder as InputEncoderV1).encode(normalized)
        const drive = new Float32Array(encoded.cycles * (rows + 1))
        for (let cycle = 0; cycle < encoded.cycles; cycle++) {
          for (let i = 0; i < rows; i++) drive[cycle * (rows + 1) + i] = (encoded.planes[cycle * rows + i] as number) / planes.scale
        }
        const perPlane = read(drive, encoded.cycles)
        const out = new Float64Array(columns)
        for (let cycle = 0; cycle < encoded.cycles; cycle++) {
          // Plane weight in LSBs of the result (±2^cycle for bit-serial): snapped to the integer it
          // is within float64 rounding, so ties of the final rounding stay ties.
          const lsbs = ((encoded.planeWeights[cycle] as number) * planes.scale * fullScale) / lsb
          const weight = (Math.abs(lsbs - Math.round(lsbs)) < 1e-9 * Math.abs(lsbs) ? Math.round(lsbs) : lsbs) * lsb
          for (let j = 0; j < columns; j++) out[j] = (out[j] as number) + (perPlane[cycle * columns + j] as number) * weight
        }
        return out
      },
    }
  })
}

/** The single-plane encoder that reproduces one plane of `encoder`, and the plane levels' full scale. */
function planeDrive(encoder: InputEncoderV1): { readonly encoder: PlaneEncoder; readonly scale: number } {
  const profile = profileEncoder(encoder)
  let scale = 0
  let signed = false
  for (let cycle = 0; cycle < profile.cycles; cycle++) {
    scale = Math.max(scale, Math.abs(profile.planeMin[cycle] as number), Math.abs(profile.planeMax[cycle] as number))
    if ((profile.planeMin[cycle] as number) < 0) signed = true
  }
  if (scale === 0) scale = 1
  const levels = profile.quantum > 0 ? Math.max(1, Math.round(scale / profile.quantum)) : 2 ** 15
  return { encoder: new PlaneEncoder(signed, levels, encoder.cost), scale }
}
