import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs'
import { CimkitError } from '@cimkit/core'

/** One committed result line: the point, its overrides, and its metrics or its error. @since 0.1.0 */
export interface SweepResultLine {
  readonly point: number
  readonly overrides: Readonly<Record<string, unknown>>
  readonly metrics?: Readonly<Record<string, unknown>>
  readonly error?: string
}

/** The first line of a results file: which sweep it belongs to. @since 0.1.0 */
export interface SweepResultsHeader {
  readonly sweep: { readonly fingerprint: string; readonly points: number }
}

/**
 * A sweep's JSONL results file, committed in point order. Results that finish early wait in memory
 * until every earlier point is written, so the file is always a prefix of the final one: a sweep
 * killed at any moment and resumed writes byte for byte the file an uninterrupted run writes.
 * Each line goes out in one write and is fsynced; a torn last line is cut off on resume.
 * @since 0.1.0
 */
export class SweepResultsFile {
  private readonly pending = new Map<number, SweepResultLine>()
  private nextPoint: number
  private readonly descriptor: number

  private constructor(path: string, nextPoint: number) {
    this.nextPoint = nextPoint
    this.descriptor = openSync(path, 'a')
  }

  /** Starts a new file; refuses to overwrite one that exists. */
  static create(path: string, header: SweepResultsHeader): SweepResultsFile {
    if (existsSync(path)) throw new CimkitError(`${path} exists: pass --resume to continue that sweep, or choose another results file`)
    const file = new SweepResultsFile(path, 0)
    file.writeLine(header)
    return file
  }

  /** Reopens a file for the same sweep, returning it with the number of points already done. */
  static resume(path: string, header: SweepResultsHeader): SweepResultsFile {
    if (!existsSync(path)) return SweepResultsFile.create(path, header)
    const text = readFileSync(path, 'utf8')
    const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1)
    if (complete.length < text.length) truncateSync(path, Buffer.byteLength(complete))
    const lines = complete.split('\n').filter((line) => line.length > 0)
    if (lines.length === 0) {
      const file = new SweepResultsFile(path, 0)
      file.writeLine(header)
      return file
    }
    const found = JSON.parse(lines[0]!) as SweepResultsHeader
    if (found.sweep?.fingerprint !== header.sweep.fingerprint) {
      throw new CimkitError(`${path} belongs to a different sweep (the spec, the base config or the points changed); use a new results file`)
    }
    lines.slice(1).forEach((line, index) => {
      const parsed = JSON.parse(line) as SweepResultLine
      if (parsed.point !== index) throw new CimkitError(`${path}: line ${index + 2} holds point ${parsed.point}, expected ${index}`)
    })
    return new SweepResultsFile(path, lines.length - 1)
  }

  /** Points already committed (0..donePoints−1). */
  get donePoints(): number {
    return this.nextPoint
  }

  /** Accepts a finished point and writes every result that is now next in order. */
  commit(result: SweepResultLine): void {
    this.pending.set(result.point, result)
    for (let next = this.pending.get(this.nextPoint); next !== undefined; next = this.pending.get(this.nextPoint)) {
      this.writeLine(next)
      this.pending.delete(this.nextPoint)
      this.nextPoint++
    }
  }

  close(): void {
    closeSync(this.descriptor)
  }

  private writeLine(value: unknown): void {
    writeSync(this.descriptor, `${JSON.stringify(value, (_key, entry: unknown) => (typeof entry === 'number' && !Number.isFinite(entry) ? null : entry))}\n`)
    fsyncSync(this.descriptor)
  }
}

/** Reads every committed result of a results file (for CSV export and the Pareto report). @since 0.1.0 */
export function readSweepResults(path: string): SweepResultLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as SweepResultLine)
}
