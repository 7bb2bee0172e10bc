#!/usr/bin/env node
import 'reflect-metadata'
import { cac } from 'cac'
import { reportFailure } from './report-failure.js'
import { VERSION } from './version.js'

// Each command imports its module lazily, so `cimkit --help` and `cimkit plugins` stay fast.
const cli = cac('cimkit')

cli
  .command('run <config>', 'Simulate the design a config describes: accuracy and cost')
  .option('--json', 'Print only the JSON report on stdout')
  .option('--out <dir>', 'Write report files to this directory once the run succeeds')
  .option('--seed <n>', 'Override run.seed')
  .action(async (config: string, flags: { json?: boolean; out?: string; seed?: string }) => {
    const { runCommand } = await import('./commands/run-command.js')
    const { parseSeed } = await import('./parse-flags.js')
    await runCommand(config, { ...(flags.json === true ? { json: true } : {}), ...(flags.out === undefined ? {} : { out: String(flags.out) }), ...parseSeed(flags.seed) })
  })

cli.command('validate <config>', 'Validate a config and its plugins without running').action(async (config: string) => {
  const { validateCommand } = await import('./commands/validate-command.js')
  await validateCommand(config)
})

cli
  .command('schema', 'Print the JSON Schema of configs for the registered plugins')
  .option('--config <file>', 'Also register the plugins this config lists')
  .action(async (flags: { config?: string }) => {
    const { schemaCommand } = await import('./commands/schema-command.js')
    await schemaCommand(flags.config === undefined ? {} : { config: flags.config })
  })

cli
  .command('plugins', 'List plugins from their manifests (without importing them)')
  .option('--json', 'Print JSON')
  .option('--config <file>', 'Also list the plugins this config names')
  .action(async (flags: { json?: boolean; config?: string }) => {
    const { pluginsCommand } = await import('./commands/plugins-command.js')
    pluginsCommand({ ...(flags.json === true ? { json: true } : {}), ...(flags.config === undefined ? {} : { config: flags.config }) })
  })

cli
  .command('doctor', 'Check Node, compute backends and plugin health')
  .option('--json', 'Print JSON')
  .option('--config <file>', 'Also check the plugins this config lists')
  .action(async (flags: { json?: boolean; config?: string }) => {
    const { doctorCommand } = await import('./commands/doctor-command.js')
    await doctorCommand({ ...(flags.json === true ? { json: true } : {}), ...(flags.config === undefined ? {} : { config: flags.config }) })
  })

cli
  .command('sweep <sweep>', 'Run a design-space sweep on local worker threads')
  .option('--resume', 'Continue an interrupted sweep (recomputes nothing already written)')
  .option('--workers <n>', 'Worker threads (default: one per core)')
  .option('--csv <file>', 'Also export the results as CSV')
  .option('--pareto <x,y>', 'Write a Pareto plot of two metrics, e.g. accuracy.top1,ppa.topsPerW')
  .option('--report <file>', 'Where the Pareto plot goes (default: beside the results)')
  .option('--queue <redis-url>', 'Distribute the points through a Redis-backed queue to `cimkit worker` processes')
  .action(async (sweep: string, flags: { resume?: boolean; workers?: string; csv?: string; pareto?: string; report?: string; queue?: string }) => {
    const { sweepCommand } = await import('./commands/sweep-command.js')
    const { parseWorkers } = await import('./parse-flags.js')
    await sweepCommand(sweep, {
      ...(flags.resume === true ? { resume: true } : {}),
      ...parseWorkers(flags.workers),
      ...(flags.csv === undefined ? {} : { csv: String(flags.csv) }),
      ...(flags.pareto === undefined ? {} : { pareto: String(flags.pareto) }),
      ...(flags.report === undefined ? {} : { report: String(flags.report) }),
      ...(flags.queue === undefined ? {} : { queue: String(flags.queue) }),
    })
  })

cli
  .command('worker', 'Execute sweep points from a Redis-backed queue until stopped')
  .option('--queue <redis-url>', 'Redis URL, e.g. redis://127.0.0.1:6379')
  .option('--concurrency <n>', 'Points computed at once (default 1)')
  .option('--stall-timeout <s>', 'Seconds after which a silent worker\'s job is retried elsewhere (default 30)')
  .action(async (flags: { queue?: string; concurrency?: string; stallTimeout?: string }) => {
    const { workerCommand } = await import('./commands/worker-command.js')
    await workerCommand(flags)
  })

cli
  .command('device <action> <csv>', 'Device tools. `device fit measurements.csv --levels 4 --out dev.json` fits a device from measured cells')
  .option('--levels <n>', 'Number of programmed levels in the CSV')
  .option('--method <m>', 'gaussian-mixture (EM, default) or empirical')
  .option('--components <k>', 'Gaussian components per level (default: chosen by BIC, up to 4)')
  .option('--out <file>', 'Where to write the device description (JSON)')
  .action(async (action: string, csv: string, flags: { levels?: string; method?: string; components?: string; out?: string }) => {
    if (action !== 'fit') throw new Error(`unknown command "device ${action}" (see cimkit --help)`)
    const { deviceFitCommand } = await import('./commands/device-fit-command.js')
    deviceFitCommand(csv, {
      ...(flags.levels === undefined ? {} : { levels: String(flags.levels) }),
      ...(flags.method === undefined ? {} : { method: String(flags.method) }),
      ...(flags.components === undefined ? {} : { components: String(flags.components) }),
      ...(flags.out === undefined ? {} : { out: String(flags.out) }),
    })
  })

cli
  .command('train <model>', 'Train a reference model from its committed config (mlp-mnist, lenet5-mnist, bnn-mnist, cnn-fashion, bnn-split-mnist), or a model config file (e.g. packages/nn/models/mlp-mnist-device-noise/config.json)')
  .option('--out <dir>', 'Directory for network.json, weights.bin and accuracy.json')
  .option('--backend <name>', 'Compute backend (default: fastest available)')
  .action(async (model: string, flags: { out?: string; backend?: string }) => {
    const { trainCommand } = await import('./commands/train-command.js')
    await trainCommand(model, { ...(flags.out === undefined ? {} : { out: String(flags.out) }), ...(flags.backend === undefined ? {} : { backend: String(flags.backend) }) })
  })

cli
  .command('bench', 'Time the CrossSim benchmark cases (TARGETS.md §3) on the active backend')
  .option('--json', 'Print JSON')
  .option('--vs-numpy', 'Also time NumPy float32 GEMM of the same shapes in the same run (python3 + numpy)')
  .option('--backend <name>', 'Compute backend (default: fastest available; CIMKIT_BACKEND also works)')
  .option('--seconds <s>', 'Seconds of timed calls per case (default 1)')
  .option('--cases <list>', 'Comma-separated id@N cases, e.g. prog-dac8-adc8@256,read-noise@1024')
  .action(async (flags: { json?: boolean; vsNumpy?: boolean; backend?: string; seconds?: string; cases?: string }) => {
    const { benchCommand } = await import('./commands/bench-command.js')
    benchCommand({
      ...(flags.json === true ? { json: true } : {}),
      ...(flags.vsNumpy === true ? { vsNumpy: true } : {}),
      ...(flags.backend === undefined ? {} : { backend: String(flags.backend) }),
      ...(flags.seconds === undefined ? {} : { seconds: String(flags.seconds) }),
      ...(flags.cases === undefined ? {} : { cases: String(flags.cases) }),
    })
  })

cli
  .command('puma <action> <file>', 'PUMA tools: `puma compile model.onnx -o prog.puma` (an .onnx file, network directory or built-in model name), `puma run prog.puma --input input.json|mnist:<index>`')
  .option('-o, --out <file>', 'compile: where the binary program goes')
  .option('--input <input>', 'run: a JSON file holding an array of numbers, or mnist:<index> for an MNIST test image')
  .option('--config <file>', "Use this config's puma architecture, device and peripherals instead of the puma preset")
  .option('--analog', "run: MVMUs on the engine's analog arrays of the configured device and converters (default: ideal)")
  .option('--json', 'run: print the report as JSON')
  .action(async (action: string, file: string, flags: { out?: string; input?: string; config?: string; analog?: boolean; json?: boolean }) => {
    const { pumaCompileCommand, pumaRunCommand } = await import('./commands/puma-command.js')
    const config = flags.config === undefined ? {} : { config: String(flags.config) }
    if (action === 'compile') await pumaCompileCommand(file, { ...(flags.out === undefined ? {} : { out: String(flags.out) }), ...config })
    else if (action === 'run') await pumaRunCommand(file, { ...(flags.input === undefined ? {} : { input: String(flags.input) }), ...(flags.json === true ? { json: true } : {}), ...(flags.analog === true ? { analog: true } : {}), ...config })
    else throw new Error(`unknown command "puma ${action}" (see cimkit --help)`)
  })

cli.help()
cli.version(VERSION)

async function main(): Promise<void> {
  try {
    cli.parse(process.argv, { run: false })
    if (cli.matchedCommand === undefined) {
      if (cli.args.length > 0) throw new Error(`unknown command "${cli.args[0]}" (see cimkit --help)`)
      if (!('help' in cli.options) && !('version' in cli.options)) cli.outputHelp()
      return
    }
    await cli.runMatchedCommand()
  } catch (error) {
    process.exitCode = reportFailure(error)
  }
}

await main()
