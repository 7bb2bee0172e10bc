import { defineComponentCost } from '@cimkit/core'
import type { ComponentCostModelV1 } from '@cimkit/core'

const SOURCE = 'PUMA simulator include/constants.py (Ankit et al., ASPLOS 2019; research/anchor-archsims.md §3.2), 32 nm, 1 GHz'
/** One clock cycle at PUMA's 1 GHz, seconds: the simulator's powers are per access per cycle. */
const CYCLE_S = 1e-9
const mW = 1e-3

function perAccess(componentClass: string, dynamicMw: number, actions: Readonly<Record<string, number>>, leakageMw: number, areaMm2: number, note: string): ComponentCostModelV1 {
  const energyPerActionJ: Record<string, number> = {}
  const latencyPerActionS: Record<string, number> = {}
  // `actions` gives the units one access moves (bytes, ops, fetches): energy per unit = P·t ÷ units.
  for (const [action, unitsPerAccess] of Object.entries(actions)) {
    energyPerActionJ[action] = (dynamicMw * mW * CYCLE_S) / unitsPerAccess
    latencyPerActionS[action] = CYCLE_S / unitsPerAccess
  }
  return defineComponentCost({ componentClass, energyPerActionJ, latencyPerActionS, leakagePowerW: leakageMw * mW, areaMm2, source: `${SOURCE}: ${note}` })
}

/**
 * PUMA's own components (those ISAAC's Table 6 does not have), from the PUMA simulator's constants:
 * the VFU ALU (45 nm figures scaled by 32/45 in the simulator), core register file (data memory),
 * instruction memories (area and power × √8 for 8-byte instructions), crossbar input/output
 * registers, per-crossbar shift-and-add, sample-and-hold, the tile's 64 KB eDRAM shared memory with
 * its bus, controller and attribute (count) buffer, the receive buffer, control units and the
 * 4-port concentrated-mesh router shared by 4 tiles.
 * @since 0.1.0
 */
export const pumaComponentCosts = {
  vfuAlu: perAccess('vfu-alu', (2.4 * 32) / 45, { op: 1 }, (0.27 * 32) / 45, (0.00567 * 32) / 45, 'ALU 2.4 mW dyn, 0.27 mW leak, 0.00567 mm² at 45 nm × 32/45; one element per cycle'),
  registerFile: perAccess('register-file', 0.33, { readBytes: 2, writeBytes: 2 }, 0.147, 0.00192, 'data memory 1 KB (dataMem_pow_dyn/leak/area_dict["1024"], bytes per config.py; the design point of isca_results/puma_ce_sweep.py dataMem128_2_area 0.00192 mm² and puma_pe_sweep.py dataMem128_2_pow 0.477 mW = 0.33 + 0.147): 0.33 mW dyn, 0.147 mW leak, 0.00192 mm²; one 16-bit word per access'),
  instructionMemory: perAccess('instruction-memory', 0.46 * Math.sqrt(8), { fetch: 1 }, 0.078 * Math.sqrt(8), 0.00108 * Math.sqrt(8), 'instruction memory 512 entries: 0.46 mW dyn, 0.078 mW leak, 0.00108 mm², × √8 for 8-byte instructions'),
  coreControl: perAccess('core-control', 0, {}, 1.25 * 0.2, 0.00145 * 2.25, 'core control unit 1.25 mW × 0.2 activity (charged as static), 0.00145 × 2.25 mm²'),
  inputRegister: perAccess('xbar-input-register', 1.7, { bytes: 16 }, 0.04, 0.00078, 'XbarIn memory 128: 1.7 mW read per access of 1 bit × 128 rows (16 B), 0.04 mW leak, 0.00078 mm²'),
  outputRegister: perAccess('xbar-output-register', 0.16, { bytes: 2 }, 0.04, 0.00078, 'XbarOut memory 128: 0.16 mW per 16-bit access, 0.04 mW leak, 0.00078 mm²'),
  shiftAdd: perAccess('shift-add', 0.05 - 0.005, { add: 1 }, 0.005, 0.00006, 'shift-and-add 0.05 mW (0.005 leak), 0.00006 mm², one per crossbar, one add per cycle'),
  sampleHold: perAccess('sample-hold', 9.7e-6 - 9.7e-7, { sample: 1 }, 9.7e-7, 0.00004 / 8 / 128, 'sample-and-hold 9.7 nW (0.97 nW leak), 0.00004/1024 mm² per column'),
  sharedMemory: perAccess('edram-buffer', 17.2 / 2, { readBytes: 32, writeBytes: 32 }, 0.46, 0.086, 'eDRAM 64 KB: 17.2 pJ per 256-bit access over 2 cycles, 0.46 mW leak, 0.086 mm²'),
  sharedMemoryBus: perAccess('edram-bus', 6 / 2, { readBytes: 32, writeBytes: 32 }, 0.5, 0.09, 'eDRAM-to-core bus 384 wires: 3 mW dyn, 0.5 mW leak, 0.090 mm²'),
  sharedMemoryController: perAccess('edram-controller', 0.475, { readBytes: 32, writeBytes: 32 }, 0.05, 0.00145, 'eDRAM controller 0.475 mW dyn, 0.05 mW leak, 0.00145 mm²'),
  attributeBuffer: perAccess('attribute-buffer', (0.65 / 2) * Math.sqrt(8), { readBytes: 32, writeBytes: 32 }, (0.33 / 2) * Math.sqrt(8), 0.0041 * Math.sqrt(8), 'counter (valid/count) storage, 1 entry per 256 data bits: 0.65/2 mW dyn, 0.33/2 mW leak, 0.0041 mm², × √8'),
  receiveBuffer: perAccess('receive-buffer', 4.48 * 2, { bytes: 32 }, 0.09 * 2, 0.0022 * 2, 'receive buffer: 4.48 mW dyn, 0.09 mW leak, 0.0022 mm², × √4 for 64 entries'),
  tileInstructionMemory: perAccess('instruction-memory', 0.53 * Math.sqrt(8), { fetch: 1 }, 0.147 * Math.sqrt(8), 0.00192 * Math.sqrt(8), 'tile instruction memory 1024 entries (tile_instrnMem_*_dict["1024"]; isca_results/puma_ce_sweep.py "#1024 entries", puma_pe_sweep.py 0.677 × √8 mW): 0.53 mW dyn, 0.147 mW leak, 0.00192 mm², × √8 for 8-byte instructions'),
  tileControl: perAccess('tile-control', 0, {}, 0.25 * 0.2, 0.00145, 'tile control unit 0.25 mW × 0.2 activity (charged as static), 0.00145 mm²'),
  router: perAccess('router', 16.13, { bytes: 4 }, 0.41, 0.047, 'cmesh router, 4 ports: 16.13 mW dyn per 32-bit flit per cycle, 0.41 mW leak, 0.047 mm² (shared by 4 tiles)'),
} as const

/** @since 0.1.0 */
export type PumaComponent = keyof typeof pumaComponentCosts

/**
 * Action rates of a PUMA component accessed `accessesPerS` times a second, one access spread over
 * its actions (a read or a write): the PUMA simulator's peak power charges every digital unit one
 * access per cycle (`src/ima_metrics.py`, `tile_metrics.py`, `node_metrics.py` compute_pow_dyn:
 * "assumes all components are being accessed in each cycle"). Units per access come from the cost's
 * latency per action (one access per `CYCLE_S`), so energy × rate is the constants.py power.
 * @since 0.1.0
 */
export function pumaAccessRates(cost: ComponentCostModelV1, accessesPerS: number): Record<string, number> {
  const actions = Object.entries(cost.latencyPerActionS)
  const rates: Record<string, number> = {}
  for (const [action, latencyS] of actions) rates[action] = (accessesPerS * (CYCLE_S / latencyS)) / actions.length
  return rates
}
