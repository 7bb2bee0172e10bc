import { z } from 'zod'

/**
 * Options of the ISAAC architecture (Shafiee et al., ISCA 2016). Defaults are the ISAAC-CE design
 * point (survey Table III and §10.5; ISAAC Table 6): 168 tiles × 12 IMAs × 8 crossbars of 128 × 128
 * 2-bit cells, 16-bit weights as 8 slices on 8 crossbars, 16-bit inputs one bit per cycle, one 8-bit
 * SAR ADC per 128 columns, 64 KB eDRAM per tile, 4 HyperTransport links.
 * @since 0.1.0
 */
export const isaacOptionsSchema = z
  .object({
    tiles: z.number().int().min(1).default(168).describe('Tiles per chip (ISAAC-CE: 168)'),
    imasPerTile: z.number().int().min(1).default(12).describe('IMAs per tile (ISAAC-CE: 12)'),
    crossbarsPerIma: z.number().int().min(1).default(8).describe('Crossbars per IMA (ISAAC-CE: 8, one per 2-bit weight slice)'),
    rows: z.number().int().min(2).default(128).describe('Crossbar rows'),
    columns: z.number().int().min(2).default(128).describe('Crossbar columns'),
    weightBits: z.number().int().min(1).max(32).default(16).describe('Weight precision, bits'),
    bitsPerCell: z.number().int().min(1).max(8).default(2).describe('Bits per ReRAM cell'),
    inputBits: z.number().int().min(1).max(32).default(16).describe('Activation precision, bits (buffers carry ⌈bits/8⌉ bytes)'),
    columnsPerAdc: z.number().int().min(1).default(128).describe('Columns one ADC converts in turn (ISAAC-CE: 128)'),
    crossbarEnergy: z.enum(['published', 'device']).default('published').describe("Crossbar read energy: ISAAC Table 6's 0.3 mW per 128×128 (published), or the device's V²·Ḡ·t per cell read"),
    crossbarReadS: z.number().positive().default(100e-9).describe('Crossbar read time, seconds (ISAAC: 100 ns, hidden behind the ADC)'),
    edramBytesPerTile: z.number().int().min(1).default(64 * 1024).describe('eDRAM buffer per tile, bytes (ISAAC-CE: 64 KB)'),
    tilesPerRouter: z.number().int().min(1).default(4).describe('Tiles sharing one router (ISAAC: 4)'),
    hyperTransportLinks: z.number().int().min(0).default(4).describe('Off-chip HyperTransport links (ISAAC: 4, 2.6 W each)'),
    flippedWeights: z.boolean().default(true).describe('ISAAC flipped-weight encoding (saves one ADC bit)'),
    flippedColumnFraction: z.number().min(0).max(1).default(0.5).describe('Fraction of columns stored flipped, for the decode cost when weights are unknown'),
    replication: z.enum(['balance', 'none']).default('balance').describe('Copy early layers to balance the inter-layer pipeline (ISAAC Sec. 5)'),
    maxReplication: z.number().int().min(1).optional().describe('Upper bound on copies of any layer'),
    technologyNodeNm: z.number().positive().default(32).describe('Technology node, nanometres (ISAAC: 32)'),
    supplyV: z.number().positive().default(1.0).describe('Supply voltage for scaling, volts (ISAAC states none; 1.0 assumed)'),
  })
  .strict()

/** @since 0.1.0 */
export type IsaacOptions = z.input<typeof isaacOptionsSchema>
/** @since 0.1.0 */
export type ResolvedIsaacOptions = z.output<typeof isaacOptionsSchema>
