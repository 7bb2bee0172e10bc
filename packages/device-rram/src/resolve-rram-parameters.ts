import { InvalidArgumentError } from '@cimkit/core'
import type { DeviceCostV1 } from '@cimkit/core'
import type { Hfo2ProgrammingRegime } from './binary/hfo2-programming-regimes.js'
import { findHfo2ProgrammingRegime } from './binary/find-hfo2-programming-regime.js'
import { LevelSampler } from './distributions/level-sampler.js'
import type { ProgrammingError } from './distributions/programming-error-options.js'
import type { RramOptionsOutput } from './rram-options.js'

/**
 * Defaults of an `rram` device with no preset, each with its source.
 * @since 0.1.0
 */
export const RRAM_DEFAULTS = {
  /** Paper 001 §II.2: R_on 1e3–1e4 Ω and R_off/R_on 10–1e3, here R_on 10 kΩ and R_off 100 kΩ. */
  conductanceRangeS: { minS: 1 / 100e3, maxS: 1 / 10e3 },
  /** Paper 000 Table 1, analog RRAM variability σ/μ ≈ 0.03. */
  programmingError: { kind: 'gaussian', relativeStd: 0.03, absoluteStdS: 0 } as ProgrammingError,
  cost: {
    cellAreaF2: 4,
    technologyNodeNm: 32,
    readVoltageV: 0.2,
    readPulseS: 100e-9,
    writeEnergyPerPulseJ: 2e-9,
    writePulseS: 50e-9,
    source:
      'survey (paper 003) Table I: RRAM 4F²; 32 nm as ISAAC/PUMA (survey Table III); read 0.2 V (CiMLoop rram_isaac_isca_2016 cell); ' +
      'read 100 ns (PUMA simulator crossbar latency); write 50 ns and 2 nJ per pulse (paper 001 §II.2, as printed)',
  } satisfies DeviceCostV1,
} as const

/** An `rram` device's options with every default filled and the regime applied. @since 0.1.0 */
export interface RramParameters {
  readonly rangeS: { readonly minS: number; readonly maxS: number }
  /** Level conductances, ascending, or `null` for an analog cell. */
  readonly levelsS: readonly number[] | null
  readonly programmingError: ProgrammingError
  readonly sampler: LevelSampler
  readonly deviceToDeviceRelativeStd: number
  readonly stuckOnFraction: number
  readonly stuckOffFraction: number
  readonly readNoise: NonNullable<RramOptionsOutput['readNoise']> | null
  readonly readDisturb: NonNullable<RramOptionsOutput['readDisturb']> | null
  readonly retention: NonNullable<RramOptionsOutput['retention']> | null
  readonly endurance: NonNullable<RramOptionsOutput['endurance']> | null
  readonly aging: NonNullable<RramOptionsOutput['aging']> | null
  readonly writeVerify: NonNullable<RramOptionsOutput['writeVerify']> | null
  /** The paper-004 regime `programmingConditions` selected, if any. */
  readonly regime: Hfo2ProgrammingRegime | null
  readonly cost: DeviceCostV1
}

function checkPerLevel(name: string, value: number | readonly number[] | undefined, count: number | null): void {
  if (value === undefined || typeof value === 'number') return
  if (count === null) throw new InvalidArgumentError(`programmingError.${name}`, 'per-level values need a device with discrete levels')
  if (value.length !== count) throw new InvalidArgumentError(`programmingError.${name}`, `${value.length} values for ${count} levels`)
}

function equallySpaced(count: number, minS: number, maxS: number): number[] {
  return Array.from({ length: count }, (_, index) => minS + ((maxS - minS) * index) / (count - 1))
}

/**
 * Fills defaults and applies `programmingConditions`: a paper-004 regime supplies the two levels,
 * their lognormal spreads, the write energy and pulse, and the aging with write cycles.
 * @since 0.1.0
 */
export function resolveRramParameters(options: RramOptionsOutput): RramParameters {
  const regime = options.programmingConditions === undefined ? null : findHfo2ProgrammingRegime(options.programmingConditions)
  const programmingError: ProgrammingError =
    regime !== null
      ? { kind: 'lognormal', sigmaLn: regime.sigmaLn }
      : typeof options.programmingError === 'number'
        ? { kind: 'gaussian', relativeStd: options.programmingError, absoluteStdS: 0 }
        : (options.programmingError ?? RRAM_DEFAULTS.programmingError)
  const sampler = new LevelSampler(programmingError)

  let levelsS: number[] | null
  if (regime !== null) levelsS = [1 / regime.hrsMedianOhm, 1 / regime.lrsMedianOhm]
  else if (options.levelsS !== undefined) levelsS = [...options.levelsS]
  else levelsS = sampler.levelMeansS()
  if (levelsS !== null && typeof options.levels === 'number' && levelsS.length !== options.levels) {
    throw new InvalidArgumentError('levels', `${options.levels} levels but the programming error describes ${levelsS.length}`)
  }
  if (levelsS !== null && options.levels === 'analog') throw new InvalidArgumentError('levels', '"analog" conflicts with per-level distributions or levelsS')
  // Levels given by value span the range unless one is given; a level count spreads over the range.
  const rangeS = options.conductanceRangeS ?? (levelsS === null ? RRAM_DEFAULTS.conductanceRangeS : { minS: levelsS[0]!, maxS: levelsS.at(-1)! })
  if (levelsS === null && typeof options.levels === 'number') levelsS = equallySpaced(options.levels, rangeS.minS, rangeS.maxS)
  if (levelsS !== null && (levelsS[0]! < rangeS.minS * (1 - 1e-9) || levelsS.at(-1)! > rangeS.maxS * (1 + 1e-9))) {
    throw new InvalidArgumentError('levelsS', `levels ${levelsS[0]}–${levelsS.at(-1)} S fall outside the range ${rangeS.minS}–${rangeS.maxS} S`)
  }
  const levelCount = levelsS?.length ?? null
  if (programmingError.kind === 'gaussian') {
    checkPerLevel('relativeStd', programmingError.relativeStd, levelCount)
    checkPerLevel('absoluteStdS', programmingError.absoluteStdS, levelCount)
  } else if (programmingError.kind === 'lognormal') checkPerLevel('sigmaLn', programmingError.sigmaLn, levelCount)

  // Only the cost keys the user gave override the defaults (an absent key is not an override).
  const userCost = Object.fromEntries(Object.entries(options.cost ?? {}).filter(([, value]) => value !== undefined))
  const cost: DeviceCostV1 = {
    ...RRAM_DEFAULTS.cost,
    ...(regime === null ? {} : { writeEnergyPerPulseJ: regime.writeEnergyPerPulseJ, writePulseS: regime.pulseWidthS, source: `${RRAM_DEFAULTS.cost.source}; write: ${regime.source}` }),
    ...userCost,
  }
  const aging = options.aging ?? regime?.aging ?? null
  if (aging !== null && levelsS?.length !== 2) throw new InvalidArgumentError('aging', 'window closure applies to binary cells (levels: 2)')
  return {
    rangeS,
    levelsS,
    programmingError,
    sampler,
    deviceToDeviceRelativeStd: options.deviceToDeviceRelativeStd ?? 0,
    stuckOnFraction: options.stuckOnFraction ?? 0,
    stuckOffFraction: options.stuckOffFraction ?? 0,
    readNoise: options.readNoise ?? null,
    readDisturb: options.readDisturb ?? null,
    retention: options.retention ?? null,
    endurance: options.endurance ?? null,
    aging,
    writeVerify: options.writeVerify ?? null,
    regime,
    cost,
  }
}
