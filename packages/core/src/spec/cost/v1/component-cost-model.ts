/**
 * Cost of one hardware component, Accelergy-style: energy per named action, static power, area and
 * the latency of each action. Every number must name its `source` (paper, table, scaling rule).
 * @since 0.1.0
 */
export interface ComponentCostModelV1 {
  readonly specificationVersion: 'v1'
  /** Component class, e.g. `adc-sar`, `dac-1bit`, `crossbar`, `edram-buffer`. */
  readonly componentClass: string
  /** Energy of one action, joules, by action name (e.g. `{ convert: 1.5625e-12 }`). */
  readonly energyPerActionJ: Readonly<Record<string, number>>
  /** Time one action occupies the component, seconds, by action name. */
  readonly latencyPerActionS: Readonly<Record<string, number>>
  /** Static (leakage) power, watts. */
  readonly leakagePowerW: number
  /** Silicon area, square millimetres. */
  readonly areaMm2: number
  /** Where the numbers come from, e.g. `ISAAC (Shafiee et al., ISCA 2016) Table 6, 32 nm`. */
  readonly source: string
}
