import { z } from 'zod'

/**
 * Options of the PUMA architecture (Ankit et al., ASPLOS 2019). Defaults are the paper's node
 * (survey Table III: 32 nm, 1.0 GHz, 128×128 arrays, 8 × 2-bit cells per 16-bit weight, 16-bit
 * inputs 1 bit per cycle; PUMA simulator `include/config.py`: 8 cores per tile, 2 MVMUs per core,
 * 64 KB tile memory, 4-tile routers; isca_results/puma_ce_sweep.py: 1 KB core data memory, 1024-entry
 * tile instruction memory) with 138 tiles, the node size of the PUMA paper's evaluation (Ankit et al.
 * 2019, Sec. 7; the paper itself is not in papers/, so the figure is cross-checked: 138 tiles give
 * 92.0 mm² and 62.2 W here against the survey-implied 90.3 mm² and 62.4 W, research/seed-003.md §15.4).
 * @since 0.1.0
 */
export const pumaOptionsSchema = z
  .object({
    tiles: z.number().int().min(1).default(138).describe('tiles in the node (PUMA: 138)'),
    coresPerTile: z.number().int().min(1).default(8).describe('cores per tile (PUMA config num_ima 8)'),
    mvmusPerCore: z.number().int().min(1).max(16).default(2).describe('MVMUs per core (PUMA config num_matrix 2)'),
    rows: z.number().int().min(2).default(128).describe('crossbar rows'),
    columns: z.number().int().min(2).default(128).describe('crossbar columns'),
    weightBits: z.literal(16).default(16).describe('weight precision, bits (PUMA: 16-bit fixed point)'),
    bitsPerCell: z.number().int().min(1).max(16).default(2).describe('bits per cell; 16/bitsPerCell crossbars per MVMU'),
    inputBits: z.number().int().min(1).max(16).default(16).describe('input bits, streamed one per read'),
    columnsPerAdc: z.number().int().min(1).default(128).describe('columns one ADC converts in turn (PUMA: one ADC per crossbar)'),
    crossbarReadS: z.number().positive().default(100e-9).describe('crossbar read time, seconds (ISAAC/PUMA: 100 ns, hidden behind the ADC)'),
    clockHz: z.number().positive().default(1e9).describe('core clock, Hz (PUMA: 1.0 GHz)'),
    vfuLanes: z.number().int().min(1).default(1).describe('VFU ALUs per core'),
    registerWords: z.number().int().min(16).default(512).describe('general register-file (data memory) words per core (PUMA design point: 1 KB = 512 16-bit words, isca_results/puma_ce_sweep.py dataMem128_2)'),
    sharedMemoryBytes: z.number().int().min(128).default(65536).describe('tile shared memory (eDRAM), bytes'),
    tilesPerRouter: z.number().int().min(1).default(4).describe('tiles sharing one router (PUMA cmesh_c 4)'),
    peakActivity: z
      .enum(['every-cycle', 'mvm-stream'])
      .default('every-cycle')
      .describe("digital units' activity at peak: one access per cycle as the PUMA simulator's peak power (ima_metrics.py/tile_metrics.py compute_pow_dyn), or the rate the MVM stream uses them"),
    hyperTransportLinks: z.number().int().min(0).default(4).describe('off-chip HyperTransport links (PUMA noc_inter: 10.4 W, 22.88 mm² = ISAAC 4 links)'),
    crossbarEnergy: z.enum(['published', 'device']).default('published').describe("crossbar read energy: ISAAC Table 6's 0.3 mW per 128×128 (published), or the device's V²·Ḡ·t per cell read"),
    technologyNodeNm: z.number().positive().default(32).describe('technology node, nanometres'),
    supplyV: z.number().positive().default(1.0).describe('supply for scaling ISAAC-table components, volts (PUMA constants.py: vdd 0.9 unused; 1.0 assumed as for ISAAC)'),
  })
  .strict()

/** @since 0.1.0 */
export type PumaOptions = z.input<typeof pumaOptionsSchema>
/** @since 0.1.0 */
export type ResolvedPumaOptions = z.output<typeof pumaOptionsSchema>
