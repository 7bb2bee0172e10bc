import type { ArchitectureV1, HardwareV1, Logger, ResolvedSection, WorkloadV1 } from '@cimkit/core'
import { Tokens } from '@cimkit/core'
import { measureDeviceDistribution } from '../report/device-distribution.js'
import type { RunReport } from '../report/run-report.js'
import type { ComposedRun } from './compose-run.js'
import { createSectionComponent } from './compose-run.js'
import { selectBackend } from './select-backend.js'

function describeSection(section: ResolvedSection | undefined): Record<string, unknown> | undefined {
  if (section === undefined) return undefined
  return {
    type: section.type,
    ...(section.preset === undefined ? {} : { preset: section.preset }),
    plugin: `${section.plugin}@${section.pluginVersion}`,
    options: section.options,
  }
}

/**
 * The back half of a run (DESIGN.md "A run"): build the hardware and workload from the resolved
 * config, evaluate the workload on the hardware, place it on the architecture and cost it, and
 * assemble the report. Names no device or architecture: everything comes from the registry.
 * @since 0.1.0
 */
export async function runSimulation(composed: ComposedRun, logger: Logger): Promise<RunReport> {
  const started = performance.now()
  const { config } = composed
  const backend = selectBackend(composed)
  const hardware: HardwareV1 = {
    device: config.device === undefined ? null : createSectionComponent(composed, config.device as ResolvedSection & { kind: 'device' }, 'device'),
    inputEncoder: config.peripherals.dac === undefined ? null : createSectionComponent(composed, config.peripherals.dac as ResolvedSection & { kind: 'inputEncoder' }, 'peripherals.dac'),
    outputConverter: config.peripherals.adc === undefined ? null : createSectionComponent(composed, config.peripherals.adc as ResolvedSection & { kind: 'outputConverter' }, 'peripherals.adc'),
    architecture: config.architecture === undefined ? null : createSectionComponent(composed, config.architecture as ResolvedSection & { kind: 'architecture' }, 'architecture'),
    middleware: config.reliability.map((section, index) => createSectionComponent(composed, section as ResolvedSection & { kind: 'reliability' }, `reliability.${index}`)),
    backend: backend.active,
  }
  warnOnInputPrecisionMismatch(hardware, logger)
  const workload: WorkloadV1 | null = config.workload === undefined ? null : createSectionComponent(composed, config.workload as ResolvedSection & { kind: 'workload' }, 'workload')
  const random = composed.run.container.resolve(Tokens.RandomSource)
  const evaluation =
    workload?.evaluate === undefined
      ? null
      : await workload.evaluate(hardware, {
          trials: config.run.trials,
          timeS: config.run.timeSinceProgrammingS,
          random: random.stream('evaluate'),
          progress: (fraction, label) => logger.progress(label, fraction),
        })
  const ppa = costOnArchitecture(hardware.architecture, workload, evaluation?.activity ?? null, hardware)
  return {
    config: {
      plugins: composed.plugins.map((plugin) => `${plugin.name}@${plugin.version}${plugin.source === 'built-in' ? '' : ` (${plugin.source})`}`),
      architecture: describeSection(config.architecture),
      device: describeSection(config.device),
      peripherals: { dac: describeSection(config.peripherals.dac), adc: describeSection(config.peripherals.adc) },
      reliability: config.reliability.map(describeSection),
      workload: describeSection(config.workload),
      run: config.run,
      backend: backend.active.name,
    },
    seed: config.run.seed,
    accuracy: evaluation?.accuracy ?? null,
    ppa,
    ...(evaluation?.extra ?? {}),
    reliability: hardware.middleware.map((technique, order) => ({ order, type: technique.type, statistics: { ...technique.statistics?.() } })),
    ...(hardware.device === null ? {} : { deviceConductance: measureDeviceDistribution(hardware.device, random.stream('report', 'device-distribution')) }),
    timing: { wallS: (performance.now() - started) / 1000 },
  }
}

function costOnArchitecture(architecture: ArchitectureV1 | null, workload: WorkloadV1 | null, activity: Parameters<ArchitectureV1['cost']>[2], hardware: HardwareV1): RunReport['ppa'] {
  if (architecture === null) return null
  const network = workload?.describe() ?? null
  if (network === null) {
    const peak = architecture.peak(hardware)
    // No workload: only the chip's peak and area are defined; workload figures are NaN (null in
    // JSON): absent, not zero.
    return { areaMm2: peak.tops / peak.topsPerMm2, energyPerInferenceJ: Number.NaN, latencyS: Number.NaN, throughputFps: Number.NaN, tops: Number.NaN, topsPerW: Number.NaN, topsPerMm2: Number.NaN, peak, breakdown: [] }
  }
  const mapping = architecture.map(network)
  return architecture.cost(network, mapping, activity, hardware)
}

/**
 * The architecture costs `arrays.inputBits` of input precision while the engine drives the
 * configured encoder's `bits`: a run whose two differ reports the cost of one design and the
 * accuracy of another, so it says so (a warning, as a study may do it on purpose).
 */
function warnOnInputPrecisionMismatch(hardware: HardwareV1, logger: Logger): void {
  const costed = hardware.architecture?.arrays.inputBits
  const driven = hardware.inputEncoder?.bits
  if (costed === undefined || driven === undefined || costed === driven) return
  logger.warn(`architecture.inputBits is ${costed} but peripherals.dac drives ${driven}-bit inputs: the cost counts ${costed}-bit inputs, the simulation ${driven}-bit ones (set architecture.inputBits: ${driven} to cost what is simulated)`)
}
