import { defineComponentCost } from '@cimkit/core'
import type { ComponentCostModelV1 } from '@cimkit/core'
import { z } from 'zod'
import { nominalSupplyV } from '../technology/nominal-supply.js'

/** Options of a transimpedance-amplifier cost model. @since 0.1.0 */
export const tiaOptionsSchema = z
  .object({
    bits: z.number().int().min(1).max(16).default(8).describe('accuracy the output must settle to, bits (half an LSB)'),
    settleTimeS: z.number().positive().default(100e-9).describe('time allowed to settle, seconds (default: ISAAC 100 ns cycle)'),
    loadCapacitanceF: z.number().positive().default(100e-15).describe('load (ADC or S&H input) capacitance, farads; an assumed 100 fF by default'),
    gmOverIdPerV: z.number().positive().default(15).describe('transconductance efficiency of the input pair, 1/V (moderate inversion, gm/ID method)'),
    capacitorDensityFPerUm2: z.number().positive().default(2e-15).describe('capacitor density, F/µm² (typical MIM: 1–2 fF/µm²)'),
    technologyNodeNm: z.number().positive().default(32).describe('feature size, nanometres; only sets the default supply'),
    supplyV: z.number().positive().optional().describe("supply, volts (default: the node's nominal supply)"),
  })
  .strict()

/** @since 0.1.0 */
export type TiaOptions = z.input<typeof tiaOptionsSchema>

/**
 * One column transimpedance amplifier (action `sample`), from first-order design equations rather
 * than a published table (none of our sources tabulates one): a single-pole amplifier settles to
 * half an LSB of B bits in t when its unity-gain bandwidth is (B + 1)·ln2 / (2π t), which needs
 * g_m = 2π·GBW·C_L, i.e. a bias current I = g_m / (g_m/I_D); energy per sample V_DD·I·t =
 * V_DD·C_L·(B + 1)·ln2 / (g_m/I_D). Area: the load/compensation capacitor at MIM density, doubled
 * for the transistors.
 * @example createTiaCost().energyPerActionJ.sample // returns ~3.7e-14
 * @since 0.1.0
 */
export function createTiaCost(options: TiaOptions = {}): ComponentCostModelV1 {
  const parsed = tiaOptionsSchema.parse(options)
  const supplyV = parsed.supplyV ?? nominalSupplyV(parsed.technologyNodeNm)
  const energyJ = (supplyV * parsed.loadCapacitanceF * (parsed.bits + 1) * Math.LN2) / parsed.gmOverIdPerV
  const areaUm2 = 2 * (parsed.loadCapacitanceF / parsed.capacitorDensityFPerUm2)
  return defineComponentCost({
    componentClass: 'tia',
    energyPerActionJ: { sample: energyJ },
    latencyPerActionS: { sample: parsed.settleTimeS },
    areaMm2: areaUm2 * 1e-6,
    source: `first-order single-pole settling model (energy V_DD·C_L·(B+1)·ln2/(g_m/I_D); gm/ID method, Jespers & Murmann 2017), C_L ${parsed.loadCapacitanceF} F, ${parsed.bits} bits, ${supplyV} V; area 2 × C_L at ${parsed.capacitorDensityFPerUm2} F/µm²`,
  })
}
