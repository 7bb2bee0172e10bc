import { checkOutputDirectory, writeOutputDirectory } from '../output/write-output-directory.js'
import { createStderrLogger } from '../output/stderr-logger.js'
import { formatReportJson, formatReportSummary } from '../report/format-report.js'
import { formatReportCsv } from '../report/format-report-csv.js'
import { formatReportHtml } from '../report/format-report-html.js'
import { composeRun } from '../run/compose-run.js'
import { runSimulation } from '../run/run-simulation.js'

/** Flags of `cimkit run`. @since 0.1.0 */
export interface RunFlags {
  readonly json?: boolean
  readonly out?: string
  readonly seed?: number
}

/**
 * `cimkit run <config>`: compose, simulate, report. `--json` prints only the report on stdout;
 * `--out DIR` writes report.json, report.csv and report.html once the run has succeeded.
 * @since 0.1.0
 */
export async function runCommand(configPath: string, flags: RunFlags): Promise<void> {
  if (flags.out !== undefined) checkOutputDirectory(flags.out)
  const logger = createStderrLogger()
  const composed = await composeRun(configPath, { ...(flags.seed === undefined ? {} : { seed: flags.seed }), logger })
  try {
    const report = await runSimulation(composed, logger)
    const outputDirectory = flags.out ?? composed.config.output?.dir
    if (outputDirectory !== undefined) writeOutputDirectory(outputDirectory, { 'report.json': formatReportJson(report), 'report.csv': formatReportCsv(report), 'report.html': formatReportHtml(report) })
    process.stdout.write(flags.json === true ? formatReportJson(report) : formatReportSummary(report))
  } finally {
    await composed.run.dispose()
  }
}
