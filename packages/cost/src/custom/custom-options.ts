import { z } from 'zod'

/**
 * Options of the user-composed `custom` architecture. Defaults are a small design with ISAAC's array size (Table 6 components,
 * 128 × 128 arrays) so that changing one key explores one direction from a known design.
 * @since 0.1.0
 */
export const customArchitectureOptionsSchema = z
  .object({
    tiles: z.number().int().min(1).default(16).describe('Tiles on the chip'),
    coresPerTile: z.number().int().min(1).default(8).describe('Cores (IMAs) per tile'),
    arraysPerCore: z.number().int().min(1).default(8).describe('Crossbar arrays per core'),
    rows: z.number().int().min(2).default(128).describe('Rows (inputs) per array'),
    columns: z.number().int().min(2).default(128).describe('Columns per array'),
    weightBits: z.number().int().min(1).max(32).default(8).describe('Weight precision, bits (including sign)'),
    bitsPerCell: z.number().int().min(1).max(8).default(2).describe('Bits stored per cell'),
    inputBits: z.number().int().min(1).max(32).default(8).describe('Activation precision, bits (buffers and network carry ⌈bits/8⌉ bytes)'),
    sliceLayout: z.enum(['arrays', 'columns']).default('columns').describe('Weight slices on separate arrays (ISAAC) or adjacent columns'),
    weightMapping: z.enum(['offset-digital', 'differential']).default('offset-digital').describe('Signed weights: offset removed digitally, or a differential column pair per slice'),
    columnsPerAdc: z.number().int().min(1).default(8).describe('Columns sharing one output converter (time-multiplexed)'),
    crossbarEnergy: z.enum(['device', 'published']).default('device').describe("Crossbar read energy: the device's V²·Ḡ·t per cell, or ISAAC Table 6's 0.3 mW per 128×128 scaled by cells"),
    arrayReadS: z.number().positive().default(100e-9).describe('Crossbar read time, seconds (ISAAC: 100 ns)'),
    bufferBytesPerTile: z.number().int().min(1).default(64 * 1024).describe('Tile eDRAM buffer, bytes'),
    tilesPerRouter: z.number().int().min(1).default(4).describe('Tiles sharing one router'),
    offChipLinks: z.number().int().min(0).default(0).describe('Off-chip links (ISAAC HyperTransport, 2.6 W each)'),
    technologyNodeNm: z.number().positive().default(32).describe('Technology node of the digital components, nanometres'),
    supplyV: z.number().positive().default(1.0).describe('Supply voltage of the digital components, volts'),
    replication: z.enum(['balance', 'none']).default('balance').describe('Copy layers to balance the inter-layer pipeline'),
    maxReplication: z.number().int().min(1).optional().describe('Upper bound on copies of any layer'),
  })
  .strict()

/** @since 0.1.0 */
export type CustomArchitectureOptions = z.input<typeof customArchitectureOptionsSchema>
/** @since 0.1.0 */
export type ResolvedCustomArchitectureOptions = z.output<typeof customArchitectureOptionsSchema>
