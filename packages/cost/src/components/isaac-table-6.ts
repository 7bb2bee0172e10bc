/**
 * One row of a published component table: the figure for `count` instances, and the rate at which
 * ONE instance performs its actions when the chip runs at peak (what the power was drawn at).
 * @since 0.1.0
 */
export interface PublishedComponentFigure {
  readonly componentClass: string
  /** What the row is (capacity, width, resolution). */
  readonly specification: string
  /** Instances the row's power and area cover. */
  readonly count: number
  /** Power of all `count` instances at peak activity, watts (static if `static` is true). */
  readonly powerW: number
  /** Area of all `count` instances, square millimetres. */
  readonly areaMm2: number
  /** Actions per second of one instance at peak, by action; empty for a static (always-on) block. */
  readonly actionsPerSecond: Readonly<Record<string, number>>
  /** The power is drawn whatever the activity (a link kept up), so it is charged as leakage. */
  readonly static?: boolean
  readonly source: string
}

const TABLE = 'ISAAC (Shafiee et al., ISCA 2016) Table 6, 32 nm, 1.2 GHz'
/** ISAAC's IMA cycle: one 128-row crossbar read while 8 ADCs convert 128 columns each at 1.28 GS/s (100 ns). */
const CYCLE_S = 100e-9
/** 16-bit inputs fed one bit per cycle: one full MVM every 16 cycles. */
const MVM_S = 16 * CYCLE_S
/** Per MVM an IMA reads 128 16-bit inputs and writes 128 16-bit outputs (256 bytes each way). */
const IMA_BYTES_PER_MVM = 256
/** IMAs per tile in ISAAC-CE. */
const IMAS_PER_TILE = 12
/** Output values a tile produces per MVM period (12 IMAs × 128 columns). */
const TILE_OUTPUTS_PER_MVM = IMAS_PER_TILE * 128
const RATE_NOTE = 'rate at peak: 100 ns cycle, 16-cycle MVM (ISAAC Sec. 5), 12 IMAs per tile'

/**
 * ISAAC's component table (Table 6 of the ISAAC paper; the same values are encoded in the PUMA
 * simulator's `constants.py` and CiMLoop's ISAAC macro: see research/anchor-archsims.md §3.2 and
 * §7 row 12). Powers are at peak activity; `actionsPerSecond` is the per-instance rate at ISAAC-CE's
 * peak (derived from the IMA cycle, stated in each row), so energy per action = power ÷ count ÷ rate.
 * The chip total this table implies is 65.8 W and 85.4 mm² for 168 tiles (Table 6 bottom line).
 * @since 0.1.0
 */
export const isaacTable6 = {
  /** Tile eDRAM buffer, 64 KB: every IMA's inputs are read from it and outputs written to it. */
  edramBuffer: {
    componentClass: 'edram-buffer',
    specification: '64 KB eDRAM, 1 per tile',
    count: 1,
    powerW: 20.7e-3,
    areaMm2: 0.083,
    actionsPerSecond: { readBytes: (IMAS_PER_TILE * IMA_BYTES_PER_MVM) / MVM_S, writeBytes: (IMAS_PER_TILE * IMA_BYTES_PER_MVM) / MVM_S },
    source: `${TABLE}: eDRAM buffer 64 KB, 20.7 mW, 0.083 mm²; ${RATE_NOTE}`,
  },
  /** eDRAM-to-IMA bus, 384 wires, carries the same bytes as the buffer. */
  edramBus: {
    componentClass: 'edram-bus',
    specification: '384-wire bus, 1 per tile',
    count: 1,
    powerW: 7e-3,
    areaMm2: 0.09,
    actionsPerSecond: { readBytes: (IMAS_PER_TILE * IMA_BYTES_PER_MVM) / MVM_S, writeBytes: (IMAS_PER_TILE * IMA_BYTES_PER_MVM) / MVM_S },
    source: `${TABLE}: eDRAM-to-IMA bus 384 wires, 7 mW, 0.090 mm²; ${RATE_NOTE}`,
  },
  /** On-chip network router, one per 4 tiles: a quarter (10.5 mW, 0.0378 mm²) per tile. */
  router: {
    componentClass: 'router',
    specification: '32 flits, 8 ports, shared by 4 tiles (quarter per tile)',
    count: 1,
    powerW: 42e-3 / 4,
    areaMm2: 0.151 / 4,
    actionsPerSecond: { bytes: (TILE_OUTPUTS_PER_MVM * 2) / MVM_S },
    source: `${TABLE}: router 42 mW, 0.151 mm² shared by 4 tiles; carries each tile's 16-bit outputs; ${RATE_NOTE}`,
  },
  /** Sigmoid units, 2 per tile, applied to every output value. */
  sigmoid: {
    componentClass: 'sigmoid-unit',
    specification: '2 per tile',
    count: 2,
    powerW: 0.52e-3,
    areaMm2: 0.0006,
    actionsPerSecond: { op: TILE_OUTPUTS_PER_MVM / MVM_S / 2 },
    source: `${TABLE}: sigmoid ×2, 0.52 mW, 0.0006 mm²; one op per output value; ${RATE_NOTE}`,
  },
  /** Tile shift-and-add that merges the partial sums of IMAs holding one layer's row blocks. */
  tileShiftAdd: {
    componentClass: 'shift-add',
    specification: '1 per tile',
    count: 1,
    powerW: 0.05e-3,
    areaMm2: 0.00006,
    actionsPerSecond: { add: TILE_OUTPUTS_PER_MVM / MVM_S },
    source: `${TABLE}: tile S+A, 0.05 mW, 0.00006 mm²; one add per output value; ${RATE_NOTE}`,
  },
  /** Max-pool unit, 1 per tile. */
  maxPool: {
    componentClass: 'max-pool',
    specification: '1 per tile',
    count: 1,
    powerW: 0.4e-3,
    areaMm2: 0.00024,
    actionsPerSecond: { op: TILE_OUTPUTS_PER_MVM / MVM_S },
    source: `${TABLE}: MaxPool, 0.4 mW, 0.00024 mm²; one op per output value; ${RATE_NOTE}`,
  },
  /** Tile output register, 3 KB. */
  tileOutputRegister: {
    componentClass: 'output-register',
    specification: '3 KB, 1 per tile',
    count: 1,
    powerW: 1.68e-3,
    areaMm2: 0.0032,
    actionsPerSecond: { bytes: (TILE_OUTPUTS_PER_MVM * 2) / MVM_S },
    source: `${TABLE}: OR 3 KB, 1.68 mW, 0.0032 mm²; ${RATE_NOTE}`,
  },
  /** IMA shift-and-add units, 4 per IMA, one add per converted value (8 ADCs × 128 per cycle). */
  imaShiftAdd: {
    componentClass: 'shift-add',
    specification: '4 per IMA',
    count: 4,
    powerW: 0.2e-3,
    areaMm2: 0.00024,
    actionsPerSecond: { add: (8 * 128) / CYCLE_S / 4 },
    source: `${TABLE}: IMA S+A ×4, 0.2 mW, 0.00024 mm²; one add per conversion; ${RATE_NOTE}`,
  },
  /** IMA input register, 2 KB: 256 bytes of inputs per MVM. */
  imaInputRegister: {
    componentClass: 'input-register',
    specification: '2 KB, 1 per IMA',
    count: 1,
    powerW: 1.24e-3,
    areaMm2: 0.0021,
    actionsPerSecond: { bytes: IMA_BYTES_PER_MVM / MVM_S },
    source: `${TABLE}: IR 2 KB, 1.24 mW, 0.0021 mm²; ${RATE_NOTE}`,
  },
  /** IMA output register, 256 B: 256 bytes of outputs per MVM. */
  imaOutputRegister: {
    componentClass: 'output-register',
    specification: '256 B, 1 per IMA',
    count: 1,
    powerW: 0.23e-3,
    areaMm2: 0.00077,
    actionsPerSecond: { bytes: IMA_BYTES_PER_MVM / MVM_S },
    source: `${TABLE}: OR 256 B, 0.23 mW, 0.00077 mm²; ${RATE_NOTE}`,
  },
  /** Sample-and-hold, one per crossbar column (8 × 128 per IMA), sampled once per cycle. */
  sampleHold: {
    componentClass: 'sample-hold',
    specification: '8 × 128 per IMA',
    count: 8 * 128,
    powerW: 10e-6,
    areaMm2: 0.00004,
    actionsPerSecond: { sample: 1 / CYCLE_S },
    source: `${TABLE}: S+H 8×128, 10 µW, 0.00004 mm²; one sample per column per cycle; ${RATE_NOTE}`,
  },
  /** 128 × 128 crossbar of 2-bit cells, 8 per IMA, read once per cycle. */
  crossbar: {
    componentClass: 'crossbar',
    specification: '128 × 128, 2 bits per cell, 8 per IMA',
    count: 8,
    powerW: 8 * 0.3e-3,
    areaMm2: 8 * 25e-6,
    actionsPerSecond: { mvm: 1 / CYCLE_S },
    source: `${TABLE}: memristor array 128×128 ×8, 2.4 mW, 0.0002 mm² (0.3 mW, 25 µm² each); one read per cycle; ${RATE_NOTE}`,
  },
  /** 1-bit DAC (row driver), 8 × 128 per IMA, one drive per row per cycle. */
  dac1Bit: {
    componentClass: 'dac-1bit',
    specification: '1 bit, 8 × 128 per IMA',
    count: 8 * 128,
    powerW: 4e-3,
    areaMm2: 0.00017,
    actionsPerSecond: { drive: 1 / CYCLE_S },
    source: `${TABLE}: DAC 1-bit 8×128, 4 mW, 0.00017 mm²; one drive per row per cycle; ${RATE_NOTE}`,
  },
  /** 8-bit SAR ADC at 1.28 GS/s, 8 per IMA. */
  adc8Bit: {
    componentClass: 'adc-sar',
    specification: '8 bits, 1.28 GS/s, 8 per IMA',
    count: 8,
    powerW: 16e-3,
    areaMm2: 0.0096,
    actionsPerSecond: { convert: 1.28e9 },
    source: `${TABLE}: ADC 8-bit 1.28 GS/s ×8, 16 mW, 0.0096 mm² (2 mW, 1200 µm² each)`,
  },
  /** HyperTransport off-chip links, 4 per chip; their power is charged as always on. */
  hyperTransport: {
    componentClass: 'hypertransport-link',
    specification: '4 links per chip, 6.4 GB/s',
    count: 4,
    powerW: 10.4,
    areaMm2: 22.88,
    actionsPerSecond: {},
    static: true,
    source: `${TABLE}: HyperTr ×4 per chip, 10.4 W, 22.88 mm² (charged as static: the links stay up)`,
  },
} as const satisfies Record<string, PublishedComponentFigure>

/** Names of the rows of ISAAC's Table 6. @since 0.1.0 */
export type IsaacTable6Component = keyof typeof isaacTable6

/** ISAAC's technology point: 32 nm (the paper states no supply; 1.0 V is assumed for scaling). @since 0.1.0 */
export const ISAAC_TECHNOLOGY = { nodeNm: 32, supplyV: 1.0 } as const
