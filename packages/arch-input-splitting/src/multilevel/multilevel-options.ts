import { z } from 'zod'

/**
 * Options of paper 002's 2-bit RRAM design (design `multilevel`, Table 1, evaluated in NeuroSim):
 * 2-bit weights in one 4-level cell, 4-bit activations fed bit-serially, one 5-bit flash ADC per
 * 8 columns, square arrays of 64, 128 or 256, layer-by-layer inference. The timing, accumulation,
 * leakage and global-area constants are not in the paper: their defaults are fitted to Table 1 (README).
 * @since 0.1.0
 */
export const multilevelOptionsSchema = z
  .object({
    design: z.literal('multilevel'),
    rows: z.number().int().positive().default(128).describe('rows = columns of each square array (paper 002 Table 1: 64, 128, 256)'),
    weightBits: z.number().int().positive().default(2).describe('weight precision, bits (paper 002: 2)'),
    bitsPerCell: z.number().int().positive().default(2).describe('bits per cell (paper 002: one 4-level cell per weight)'),
    inputBits: z.number().int().positive().default(4).describe('activation bits, fed one per read cycle (paper 002: 4)'),
    columnsPerConverter: z.number().int().positive().default(8).describe('columns sharing one ADC through a multiplexer (paper 002: 8)'),
    inputOneFraction: z.number().min(0).max(1).default(0.5).describe('fraction of input bits that are 1 (rows that conduct per read), assumed'),
    readVoltageV: z.number().positive().default(0.0625).describe('read bias across a cell, volts (fitted to Table 1 energies)'),
    muxDelayPerRowSquaredS: z
      .number()
      .nonnegative()
      .default(1.73e-12)
      .describe('multiplexer select delay per rows², seconds: the select line drives rows/8 transmission gates each sized with the column current ∝ rows (fitted)'),
    accumulationDelayPerRowBlockS: z.number().nonnegative().default(216e-9).describe('time to accumulate one more row block of partial sums per MVM, seconds (fitted)'),
    accumulationEnergyPerAddJ: z.number().nonnegative().default(0.42e-12).describe('energy of one partial-sum or shift add, joules (fitted)'),
    leakagePerConverterW: z.number().nonnegative().default(8.3e-9).describe('static power per ADC and its column periphery, watts (fitted to Table 1 leakage)'),
    globalAreaMm2: z.number().nonnegative().default(11.45).describe('area outside the arrays and ADCs (buffers, interconnect, control), mm² (fitted)'),
    opsPerMac: z.number().int().positive().default(1).describe('operations per multiply-accumulate; Table 1 counts 1 (research digest A.1.11)'),
  })
  .strict()

/** @since 0.1.0 */
export type MultilevelOptions = z.input<typeof multilevelOptionsSchema>
/** @since 0.1.0 */
export type ResolvedMultilevelOptions = z.output<typeof multilevelOptionsSchema>
