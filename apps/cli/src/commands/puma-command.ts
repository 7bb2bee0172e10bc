import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { assemble, compileNetwork, decodeProgram, encodeProgram, engineMvm, PumaArchitecture, pumaNetworkFromNn, simulateProgram } from '@cimkit/arch-puma'
import type { PumaProgram, PumaSimulationResult } from '@cimkit/arch-puma'
import { CimkitError, Tokens } from '@cimkit/core'
import type { ComputeBackendV1, HardwareV1, ResolvedSection } from '@cimkit/core'
import { datasetBatch, loadMnist, loadWorkloadNetwork } from '@cimkit/nn'
import type { ComposedRun } from '../run/compose-run.js'
import { composeRun, composeRunFromData, createSectionComponent } from '../run/compose-run.js'
import { selectBackend } from '../run/select-backend.js'

/** Flags of `cimkit puma compile`. @since 0.1.0 */
export interface PumaCompileFlags {
  /** Where the binary program goes (required). */
  readonly out?: string
  /** Config whose `architecture` (type puma) sets the target node; default: the `puma` preset. */
  readonly config?: string
}

/** Flags of `cimkit puma run`. @since 0.1.0 */
export interface PumaRunFlags {
  /** A JSON file holding an array of numbers, or `mnist:<index>` for an MNIST test image. */
  readonly input?: string
  readonly json?: boolean
  /** Config whose architecture, device and peripherals cost (and with `analog`, compute) the run; default: the `puma` preset. */
  readonly config?: string
  /** Run the MVMUs on the engine's analog arrays built from the config's device and converters (default: ideal MVMUs). */
  readonly analog?: boolean
}

/** The PUMA preset as a config, composed when no `--config` is given. */
const pumaPresetConfig = { architecture: { type: 'puma', preset: 'puma' }, run: { seed: 1 } }

async function composePuma(configPath: string | undefined): Promise<ComposedRun> {
  return configPath === undefined ? composeRunFromData(pumaPresetConfig, resolve('cimkit-puma-preset.yaml')) : composeRun(configPath)
}

function buildHardware(composed: ComposedRun): HardwareV1 & { readonly architecture: PumaArchitecture; readonly backend: ComputeBackendV1 } {
  const { config } = composed
  const architecture = config.architecture === undefined ? null : createSectionComponent(composed, config.architecture as ResolvedSection & { kind: 'architecture' }, 'architecture')
  if (!(architecture instanceof PumaArchitecture)) throw new CimkitError(`${composed.configPath}: the architecture must be of type puma, got ${architecture === null ? 'none' : architecture.type}`)
  return {
    device: config.device === undefined ? null : createSectionComponent(composed, config.device as ResolvedSection & { kind: 'device' }, 'device'),
    inputEncoder: config.peripherals.dac === undefined ? null : createSectionComponent(composed, config.peripherals.dac as ResolvedSection & { kind: 'inputEncoder' }, 'peripherals.dac'),
    outputConverter: config.peripherals.adc === undefined ? null : createSectionComponent(composed, config.peripherals.adc as ResolvedSection & { kind: 'outputConverter' }, 'peripherals.adc'),
    architecture,
    middleware: config.reliability.map((section, index) => createSectionComponent(composed, section as ResolvedSection & { kind: 'reliability' }, `reliability.${index}`)),
    backend: selectBackend(composed).active,
  }
}

function rethrow(context: string, error: unknown): never {
  if (CimkitError.isInstance(error)) throw new CimkitError(`${context}: ${(error as Error).message}`, { cause: error })
  throw error
}

/**
 * `cimkit puma compile model.onnx -o prog.puma`: loads a network (an .onnx file, a cimkit network
 * directory or a built-in model name such as `lenet5-mnist`), adapts it to PUMA (dense weights
 * inputs × outputs, conv OIHW), compiles it for the node of the `puma` preset (or `--config`) and
 * writes the binary encoding. The file appears only complete.
 * @since 0.1.0
 */
export async function pumaCompileCommand(modelPath: string, flags: PumaCompileFlags): Promise<void> {
  if (flags.out === undefined) throw new CimkitError('-o, --out <prog.puma> is required')
  let network
  try {
    network = pumaNetworkFromNn(loadWorkloadNetwork(modelPath, process.cwd()))
  } catch (error) {
    rethrow(modelPath, error)
  }
  const composed = await composePuma(flags.config)
  let compiled
  try {
    const architecture = buildHardware(composed).architecture
    compiled = compileNetwork(network, architecture.compileOptions())
  } catch (error) {
    rethrow(`${modelPath}: cannot compile for PUMA`, error)
  } finally {
    await composed.run.dispose()
  }
  const bytes = encodeProgram(compiled.program)
  const target = resolve(flags.out)
  const staging = `${target}.partial-${process.pid}`
  writeFileSync(staging, bytes)
  renameSync(staging, target)
  const { machine } = compiled.program
  const instructions = compiled.program.tiles.reduce((sum, tile) => sum + tile.program.length + tile.cores.reduce((cores, core) => cores + core.length, 0), 0)
  const layers = compiled.layers.map((layer) => `  ${layer.layer}: ${layer.kind === 'mvm' ? `${layer.rowBlocks}×${layer.columnBlocks} MVMU blocks, ${layer.positions} MVMs per block` : 'pooling'} on ${layer.cores.length} core(s)`)
  process.stdout.write(`compiled ${network.name} → ${target} (${bytes.length} bytes): ${machine.tiles} tiles, ${compiled.coresUsed} cores, ${compiled.program.matrices.length} MVMU blocks, ${instructions} instructions\n${layers.join('\n')}\n`)
}

function readProgram(programPath: string): PumaProgram {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(programPath))
  } catch (error) {
    throw new CimkitError(`${programPath}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error })
  }
  try {
    // "PUMA" magic: the binary encoding; anything else is read as assembly text.
    const binary = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x55 && bytes[2] === 0x4d && bytes[3] === 0x41
    return binary ? decodeProgram(bytes) : assemble(new TextDecoder().decode(bytes))
  } catch (error) {
    rethrow(programPath, error)
  }
}

function inputLength(program: PumaProgram): number {
  let length = 0
  for (const region of program.inputs) if (region.name === 'input') length = Math.max(length, region.offset + region.length)
  return length
}

function readInput(spec: string | undefined, length: number): { readonly values: Float32Array; readonly label: number | null } {
  if (spec === undefined) throw new CimkitError('--input <input.json | mnist:<index>> is required')
  const mnistMatch = /^mnist:(\d+)$/.exec(spec)
  if (mnistMatch !== null) {
    const index = Number(mnistMatch[1])
    if (index >= 10_000) throw new CimkitError(`--input ${spec}: the MNIST test split has images 0–9999`)
    const dataset = loadMnist('test', { limit: index + 1 })
    const values = datasetBatch(dataset, index, 1)
    if (values.length !== length) throw new CimkitError(`--input ${spec}: an MNIST image has ${values.length} values, the program takes ${length}`)
    return { values, label: dataset.labels[index] as number }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(spec, 'utf8'))
  } catch (error) {
    throw new CimkitError(`--input ${spec}: expected a JSON file holding an array of numbers, or mnist:<index> (${(error as Error).message})`, { cause: error })
  }
  if (!Array.isArray(parsed) || parsed.some((value) => typeof value !== 'number' || !Number.isFinite(value))) throw new CimkitError(`--input ${spec}: expected a JSON array of finite numbers`)
  if (parsed.length !== length) throw new CimkitError(`--input ${spec}: holds ${parsed.length} values, the program takes ${length}`)
  return { values: Float32Array.from(parsed as number[]), label: null }
}

function formatJoules(joules: number): string {
  const units: [number, string][] = [[1, 'J'], [1e-3, 'mJ'], [1e-6, 'µJ'], [1e-9, 'nJ'], [1e-12, 'pJ']]
  const [scale, unit] = units.find(([size]) => Math.abs(joules) >= size) ?? [1e-12, 'pJ']
  return `${(joules / scale).toPrecision(4)} ${unit}`
}

function formatTable(title: string, values: Readonly<Record<string, number>> | null): string {
  if (values === null) return ''
  const rows = Object.entries(values).sort(([, a], [, b]) => b - a)
  return `${title}\n${rows.map(([name, joules]) => `  ${name.padEnd(20)} ${formatJoules(joules)}`).join('\n')}\n`
}

function summarize(programPath: string, result: PumaSimulationResult, label: number | null, mvm: string): string {
  const output = result.outputs['output'] ?? new Float32Array(0)
  let best = 0
  for (let i = 1; i < output.length; i++) if ((output[i] as number) > (output[best] as number)) best = i
  const lines = [
    `${programPath} (${mvm})`,
    `outputs: [${Array.from(output, (value) => value.toFixed(4)).join(', ')}]`,
    `argmax ${best}${label === null ? '' : ` (label ${label})`}`,
    `cycles ${result.cycles} (${(result.latencyS * 1e6).toPrecision(4)} µs)`,
    `dynamic energy ${result.dynamicEnergyJ === null ? 'n/a' : formatJoules(result.dynamicEnergyJ)}`,
  ]
  return `${lines.join('\n')}\n${formatTable('energy by unit:', result.energyByUnitJ)}${formatTable('energy by instruction class:', result.energyByOpcodeJ)}`
}

/**
 * `cimkit puma run prog.puma --input input.json` (or `--input mnist:<index>`): runs a PUMA program
 * (binary or assembly) on the instruction-level simulator, timed and costed on the node of the
 * `puma` preset (or `--config`), and prints the outputs, cycles and dynamic energy per unit and
 * per instruction class. `--analog` runs the MVMUs on the engine's arrays of the configured device
 * and converters instead of ideal fixed-point MVMUs.
 * @since 0.1.0
 */
export async function pumaRunCommand(programPath: string, flags: PumaRunFlags): Promise<void> {
  const program = readProgram(programPath)
  const { values, label } = readInput(flags.input, inputLength(program))
  const composed = await composePuma(flags.config)
  try {
    const hardware = buildHardware(composed)
    const puma = hardware.architecture
    let mvmName = 'ideal 16-bit fixed-point MVMUs'
    const options = { ...puma.simulationOptions(hardware) }
    if (flags.analog === true) {
      if (hardware.device === null) throw new CimkitError(`${composed.configPath}: --analog needs a device in the config`)
      const random = composed.run.container.resolve(Tokens.RandomSource).stream('puma-run')
      Object.assign(options, { mvm: engineMvm({ organization: puma.arrays, device: hardware.device, inputEncoder: hardware.inputEncoder, outputConverter: hardware.outputConverter, middleware: hardware.middleware, backend: hardware.backend, random }) })
      mvmName = `MVMUs on analog arrays: device ${hardware.device.type}, dac ${hardware.inputEncoder?.type ?? 'ideal'}, adc ${hardware.outputConverter?.type ?? 'ideal'}`
    }
    let result: PumaSimulationResult
    try {
      result = simulateProgram(program, { input: values }, options)
    } catch (error) {
      rethrow(programPath, error)
    }
    if (flags.json === true) {
      const output = Array.from(result.outputs['output'] ?? [])
      const report = { program: resolve(programPath), mvm: mvmName, label, outputs: output, cycles: result.cycles, latencyS: result.latencyS, instructionCounts: result.instructionCounts, dynamicEnergyJ: result.dynamicEnergyJ, energyByUnitJ: result.energyByUnitJ, energyByOpcodeJ: result.energyByOpcodeJ }
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    } else {
      process.stdout.write(summarize(programPath, result, label, mvmName))
    }
  } finally {
    await composed.run.dispose()
  }
}
