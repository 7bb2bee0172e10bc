import { z } from 'zod'

/**
 * The machine the compiler targets. Defaults are PUMA's (Ankit et al., ASPLOS 2019; PUMA simulator
 * `include/config.py`): 8 cores per tile, 2 MVMUs per core of 128×128, 64 KB tile shared memory
 * (32 768 words), a 1 KB core data memory (512 words; the design point of the simulator's
 * isca_results/puma_ce_sweep.py, dataMem128_2) beside the MVMU input/output registers, Q4.12 fixed
 * point; node size from the PUMA paper (138 tiles).
 * @since 0.1.0
 */
export const compileOptionsSchema = z
  .object({
    maxTiles: z.number().int().min(1).default(138).describe('tiles in the node (PUMA: 138)'),
    coresPerTile: z.number().int().min(1).default(8).describe('cores per tile (PUMA config num_ima 8)'),
    mvmusPerCore: z.number().int().min(1).max(16).default(2).describe('MVMUs per core (PUMA config num_matrix 2)'),
    rows: z.number().int().min(1).default(128).describe('MVMU rows (crossbar size 128)'),
    columns: z.number().int().min(1).default(128).describe('MVMU columns'),
    registerWords: z.number().int().min(16).default(512).describe('general register-file (data memory) words per core, besides the MVMU registers (PUMA: 1 KB = 512 words)'),
    sharedMemoryWords: z.number().int().min(64).default(32768).describe('tile shared memory, 16-bit words (64 KB)'),
    fractionBits: z.number().int().min(0).max(15).default(12).describe('fraction bits of the 16-bit fixed point'),
    splitLargeMaps: z.boolean().default(true).describe('split a conv stage whose maps fill more than half a tile into bands of output rows on separate tiles'),
    checkDeadlock: z.boolean().default(true).describe('run the deadlock check before returning'),
  })
  .strict()

/** @since 0.1.0 */
export type CompileOptions = z.input<typeof compileOptionsSchema>
