import { z } from 'zod'

/**
 * Options of paper 002's XNOR-RRAM macro (design `xnor-macro`). Defaults are the 90 nm test chip:
 * a 128×64 1T1R array (64 XNOR rows × 64 columns), eight 8:1 column multiplexers, one converter per
 * multiplexer (Yin et al., IEEE Micro 2019, Fig. 1(c)).
 * @since 0.1.0
 */
export const xnorMacroOptionsSchema = z
  .object({
    design: z.literal('xnor-macro'),
    scheme: z
      .enum(['conventional', 'input-splitting'])
      .default('input-splitting')
      .describe('conventional: multi-bit flash ADC per multiplexer, digital accumulation of partial sums; input-splitting: one binary SA with one shared reference'),
    rows: z.number().int().positive().default(64).describe('XNOR rows per array (each a pair of 1T1R cells on differential word lines)'),
    columns: z.number().int().positive().default(64).describe('columns per array'),
    columnsPerConverter: z.number().int().positive().default(8).describe('columns multiplexed onto one converter (paper 002: eight 8:1 multiplexers)'),
    supplyV: z.number().positive().default(1.2).describe('supply of the array read and the sense amplifiers, volts (paper 002: 1.2 V nominal, scaled to 0.8 V)'),
    readPulseS: z
      .number()
      .positive()
      .default(1.36e-9)
      .describe('time a column draws read current per evaluation, seconds (not in paper 002; fitted to its three TOPS/W points, see README)'),
    bitlineLoad: z
      .object({
        supplyV: z.number().positive().describe('supply the column load was sized at, volts'),
        bitlineV: z.number().positive().describe('RBL voltage at bit count 0 at that supply, volts'),
        lrsOhm: z.number().positive().describe('LRS resistance the load was sized for, ohms'),
      })
      .strict()
      .default({ supplyV: 1.2, bitlineV: 0.65, lrsOhm: 6e3 })
      .describe('design point of the fixed column load: RBL at the middle of the SA high-gain window 0.6–0.7 V (paper 002) for 6 kΩ LRS at 1.2 V'),
    convGroupInputs: z.number().int().positive().default(63).describe('inputs per split group for 3×3 conv layers (paper 002: 7 channels × 9 taps = 63)'),
    denseGroupInputs: z.number().int().positive().default(64).describe('inputs per split group for dense layers (paper 002: 64)'),
    opsPerMac: z.number().int().positive().default(2).describe('operations counted per multiply-accumulate in TOPS (2, the survey Table III convention)'),
  })
  .strict()

/** @since 0.1.0 */
export type XnorMacroOptions = z.input<typeof xnorMacroOptionsSchema>
/** @since 0.1.0 */
export type ResolvedXnorMacroOptions = z.output<typeof xnorMacroOptionsSchema>
