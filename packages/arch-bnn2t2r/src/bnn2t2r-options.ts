import { z } from 'zod'

/**
 * Options of the 2T2R binarized-network architecture (paper 004: Hirtzlin et al., Front. Neurosci.
 * 13:1383, 2020, §2.4 and Fig. 3): basic cells of n × n 2T2R bits with one XNOR-PCSA per column and
 * popcount counters, a popcount tree and a threshold subtraction. The device and sense amplifier come
 * from the `device` and `peripherals.adc` sections.
 * @since 0.1.0
 */
export const bnn2t2rOptionsSchema = z
  .object({
    blockSize: z.number().int().min(2).default(32).describe('n: bits per side of a basic cell (paper 004 Fig. 3: kilobit blocks, n = 32)'),
    basicCells: z
      .number()
      .int()
      .min(1)
      .default(1856)
      .describe('basic cells (n × n blocks) on the chip; default 1856 holds the MNIST 784-1024-1024-10 BNN in parallel-to-sequential mode (25×32 + 32×32 + 32×1, derived)'),
    mode: z
      .enum(['parallel-to-sequential', 'sequential-to-parallel'])
      .default('parallel-to-sequential')
      .describe('paper 004 §2.4: parallel-to-sequential (M neurons per cycle, popcount tree) or sequential-to-parallel (one neuron per basic cell, n inputs per cycle)'),
    cell: z.enum(['2t2r', '1t1r']).default('2t2r').describe('2T2R complementary pairs (paper 004) or single-ended 1T1R cells read against a reference, for comparison'),
    cycleS: z.number().positive().optional().describe('clock period, seconds; default the slower of the sense amplifier decision and the device read pulse (paper 004 §2.2: ≈ 10 ns on the 130 nm test chip)'),
    counterBits: z.number().int().min(1).optional().describe('width of the per-cell popcount counter; default ⌈log₂(n + 1)⌉ = 6 (paper 004 says five-bit counters, which cannot hold 32)'),
    accumulatorBits: z.number().int().min(1).optional().describe('width of the popcount tree, thresholds and subtractor; default ⌈log₂(n² + 1)⌉ = 11'),
    cellReadEnergy: z
      .enum(['sense-amp', 'device'])
      .default('sense-amp')
      .describe("'sense-amp': a precharge read costs what the sense amplifier's decision costs (the pair only discharges the precharged nodes); 'device': also charge V²·G·t per device read"),
    synapseEnergy: z
      .enum(['components', 'published'])
      .default('components')
      .describe("'components': a synapse costs the sense amplifier's decision plus a 1-bit add (Horowitz); 'published': paper 004's ≈ 14 fJ per read + addition at 28 nm (§4.1.3), constant-field scaled to technologyNodeNm/supplyV, in place of both"),
    technologyNodeNm: z.number().positive().default(130).describe('node of the digital logic (popcount, tree, threshold), nanometres; paper 004: 130 nm test chip, 28 nm projection'),
    supplyV: z.number().positive().default(1.2).describe('supply of the digital logic, volts (1.2 V assumed for 130 nm; not in paper 004)'),
  })
  .strict()

/** @since 0.1.0 */
export type Bnn2t2rOptions = z.input<typeof bnn2t2rOptionsSchema>
/** @since 0.1.0 */
export type ResolvedBnn2t2rOptions = z.output<typeof bnn2t2rOptionsSchema>
