import type { RramOptionsOutput } from '../rram-options.js'

type ReadNoise = NonNullable<RramOptionsOutput['readNoise']>

/**
 * σ of one read, siemens. `relative`: σ = relativeStd·G + absoluteStdS (paper 000 Table 1).
 * `log-conductance`: σ = c·log10(G/unit)·√ln((t + t_r)/(2·t_r)) (aihwkit `ReRamCMONoiseModel`,
 * anchor-aihwkit.md §6.4), zero where either factor is negative (G below the unit, t below t_r).
 * @example readNoiseStdS({ kind: 'relative', relativeStd: 0.03, absoluteStdS: 0 }, 1e-4, 1) // returns 3e-6
 * @since 0.1.0
 */
export function readNoiseStdS(noise: ReadNoise, conductanceS: number, timeS: number): number {
  if (noise.kind === 'relative') return noise.relativeStd * Math.abs(conductanceS) + noise.absoluteStdS
  const decades = Math.log10(Math.max(conductanceS, Number.MIN_VALUE) / noise.unitS)
  const flicker = Math.log((Math.max(timeS, 0) + noise.readTimeS) / (2 * noise.readTimeS))
  return decades > 0 && flicker > 0 ? noise.coefficientS * decades * Math.sqrt(flicker) : 0
}
