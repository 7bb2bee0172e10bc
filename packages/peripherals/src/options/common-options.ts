import { z } from 'zod'

/** Fields every encoder and converter accepts: the technology point its cost is computed at. @since 0.1.0 */
export function technologyFields(defaultNodeNm: number, nodeNote: string) {
  return {
    technologyNodeNm: z.number().positive().default(defaultNodeNm).describe(`feature size, nanometres (default ${defaultNodeNm}: ${nodeNote})`),
    supplyV: z.number().positive().optional().describe("supply, volts (default: the node's nominal supply, PTM via NeuroSim)"),
  }
}

/** Resolution field with a default. @since 0.1.0 */
export function bitsField(defaultBits: number, max = 16) {
  return z.number().int().min(1).max(max).default(defaultBits).describe('resolution, bits (including sign when signed)')
}
