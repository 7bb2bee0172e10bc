import { base64ToInt16 } from './base64.js'
import { checkInstruction } from './check-instruction.js'
import type { PumaInstruction } from './instruction.js'
import { LABEL_PATTERN, parseInteger, parseKeyValues } from './operand-syntax.js'
import { parseInstruction } from './parse-instruction.js'
import { PumaAssemblyError } from './puma-errors.js'
import type { PumaInputRegion, PumaMachineShape, PumaMatrix, PumaOutputRegion, PumaProgram } from './program.js'

interface StreamLine {
  readonly line: number
  readonly instruction: PumaInstruction
  readonly label: string | null
}

interface Stream {
  readonly section: 'core' | 'tile'
  readonly name: string
  readonly lines: StreamLine[]
  readonly labels: Map<string, number>
}

const MACHINE_KEYS: Record<string, keyof PumaMachineShape> = {
  tiles: 'tiles',
  cores: 'coresPerTile',
  mvmus: 'mvmusPerCore',
  rows: 'rows',
  columns: 'columns',
  registers: 'registerWords',
  memory: 'sharedMemoryWords',
  fraction: 'fractionBits',
}

function integerField(line: number, values: Record<string, string>, key: string, min: number): number {
  const raw = values[key]
  if (raw === undefined) throw new PumaAssemblyError(line, `missing ${key}=`)
  const value = parseInteger(raw)
  if (value === null || value < min) throw new PumaAssemblyError(line, `${key} must be an integer ≥ ${min}, got "${raw}"`)
  return value
}

function keyValues(line: number, tokens: readonly string[], allowed: readonly string[]): Record<string, string> {
  const parsed = parseKeyValues(tokens)
  if ('error' in parsed) throw new PumaAssemblyError(line, parsed.error)
  for (const key of Object.keys(parsed.values)) if (!allowed.includes(key)) throw new PumaAssemblyError(line, `unknown key "${key}" (allowed: ${allowed.join(', ')})`)
  return parsed.values
}

/**
 * Assembles PUMA text into a program. Layout: a `.machine` line, then any of `.input`, `.output`,
 * `.matrix`, `.tile N` and `.core T C [label=name]` sections holding instructions (`label:` marks a
 * jump target; `;` starts a comment). Every error names its 1-based line.
 * @example assemble('.machine tiles=1 cores=1 mvmus=1 rows=4 columns=4 registers=16 memory=64 fraction=12\n.core 0 0\nhlt')
 * @since 0.1.0
 */
export function assemble(text: string): PumaProgram {
  let machine: PumaMachineShape | null = null
  const inputs: PumaInputRegion[] = []
  const outputs: PumaOutputRegion[] = []
  const matrices: { readonly line: number; readonly matrix: PumaMatrix }[] = []
  const streams = new Map<string, Stream>()
  let current: Stream | null = null
  const needMachine = (line: number): PumaMachineShape => {
    if (machine === null) throw new PumaAssemblyError(line, '.machine must come first')
    return machine
  }
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1
    let content = (lines[index] as string).replace(/;.*$/, '').trim()
    if (content === '') continue
    if (content.startsWith('.')) {
      const tokens = content.split(/\s+/)
      const directive = tokens[0] as string
      if (directive === '.machine') {
        if (machine !== null) throw new PumaAssemblyError(line, '.machine given twice')
        const values = keyValues(line, tokens.slice(1), Object.keys(MACHINE_KEYS))
        const shape: Record<string, number> = {}
        for (const [key, field] of Object.entries(MACHINE_KEYS)) shape[field] = integerField(line, values, key, key === 'fraction' ? 0 : 1)
        machine = shape as unknown as PumaMachineShape
      } else if (directive === '.input' || directive === '.output') {
        const shape = needMachine(line)
        const name = tokens[1]
        if (name === undefined || !LABEL_PATTERN.test(name)) throw new PumaAssemblyError(line, `${directive} needs a name`)
        const values = keyValues(line, tokens.slice(2), directive === '.input' ? ['tile', 'address', 'length', 'offset', 'counts'] : ['tile', 'address', 'length', 'offset'])
        const tile = integerField(line, values, 'tile', 0)
        const address = integerField(line, values, 'address', 0)
        const length = integerField(line, values, 'length', 1)
        if (tile >= shape.tiles) throw new PumaAssemblyError(line, `tile ${tile} is outside the ${shape.tiles}-tile node`)
        if (address + length > shape.sharedMemoryWords) throw new PumaAssemblyError(line, `region ${address}..${address + length - 1} is outside the shared memory`)
        if (directive === '.output') {
          outputs.push({ name, tile, address, length, offset: values['offset'] === undefined ? 0 : integerField(line, values, 'offset', 0) })
        } else {
          const runs = (values['counts'] ?? '').split(',').flatMap((run) => {
            const match = /^([0-9]+)\*([0-9]+)$/.exec(run)
            if (match === null) throw new PumaAssemblyError(line, `counts: expected count*repeat runs, got "${run}"`)
            return [Number(match[1]), Number(match[2])]
          })
          let total = 0
          for (let i = 1; i < runs.length; i += 2) total += runs[i] as number
          if (total !== length) throw new PumaAssemblyError(line, `counts cover ${total} words, length is ${length}`)
          inputs.push({ name, tile, address, length, offset: values['offset'] === undefined ? 0 : integerField(line, values, 'offset', 0), countRuns: runs })
        }
      } else if (directive === '.matrix') {
        const shape = needMachine(line)
        const values = keyValues(line, tokens.slice(1), ['tile', 'core', 'mvmu', 'data'])
        const tile = integerField(line, values, 'tile', 0)
        const core = integerField(line, values, 'core', 0)
        const mvmu = integerField(line, values, 'mvmu', 0)
        if (tile >= shape.tiles || core >= shape.coresPerTile || mvmu >= shape.mvmusPerCore) throw new PumaAssemblyError(line, `MVMU ${tile}/${core}/${mvmu} does not exist on this machine`)
        const weights = base64ToInt16(values['data'] ?? '')
        if (weights === null || weights.length !== shape.rows * shape.columns) throw new PumaAssemblyError(line, `data must be base64 of ${shape.rows}×${shape.columns} little-endian int16 words`)
        matrices.push({ line, matrix: { tile, core, mvmu, weights } })
      } else if (directive === '.tile' || directive === '.core') {
        const shape = needMachine(line)
        const tile = parseInteger(tokens[1] ?? '')
        if (tile === null || tile < 0 || tile >= shape.tiles) throw new PumaAssemblyError(line, `${directive}: tile must be in [0, ${shape.tiles})`)
        let key = `t${tile}`
        let labelName = ''
        if (directive === '.core') {
          const core = parseInteger(tokens[2] ?? '')
          if (core === null || core < 0 || core >= shape.coresPerTile) throw new PumaAssemblyError(line, `.core: core must be in [0, ${shape.coresPerTile})`)
          key = `t${tile}c${core}`
          labelName = keyValues(line, tokens.slice(3), ['label'])['label'] ?? ''
        } else if (tokens.length > 2) {
          throw new PumaAssemblyError(line, '.tile takes one number')
        }
        if (streams.has(key)) throw new PumaAssemblyError(line, `section ${content} appears twice`)
        current = { section: directive === '.core' ? 'core' : 'tile', name: labelName, lines: [], labels: new Map() }
        streams.set(key, current)
      } else {
        throw new PumaAssemblyError(line, `unknown directive "${directive}"`)
      }
      continue
    }
    const labelMatch = /^([A-Za-z_][A-Za-z0-9_.]*):\s*/.exec(content)
    if (labelMatch !== null) {
      if (current === null) throw new PumaAssemblyError(line, 'label outside a .tile or .core section')
      const label = labelMatch[1] as string
      if (current.labels.has(label)) throw new PumaAssemblyError(line, `label "${label}" defined twice`)
      current.labels.set(label, current.lines.length)
      content = content.slice(labelMatch[0].length)
      if (content === '') continue
    }
    if (current === null) throw new PumaAssemblyError(line, 'instruction outside a .tile or .core section')
    try {
      const parsed = parseInstruction(content)
      current.lines.push({ line, instruction: parsed.instruction, label: parsed.label })
    } catch (error) {
      throw new PumaAssemblyError(line, (error as Error).message)
    }
  }
  const shape = needMachine(lines.length)
  const resolve = (stream: Stream): PumaInstruction[] =>
    stream.lines.map(({ line, instruction, label }) => {
      let resolved = instruction
      if (label !== null) {
        const target = stream.labels.get(label)
        if (target === undefined) throw new PumaAssemblyError(line, `undefined label "${label}"`)
        resolved = { ...(instruction as Extract<PumaInstruction, { target: number }>), target }
      }
      const problem = checkInstruction(resolved, { machine: shape, section: stream.section, streamLength: stream.lines.length })
      if (problem !== null) throw new PumaAssemblyError(line, problem)
      return resolved
    })
  const seen = new Set<string>()
  for (const { line, matrix } of matrices) {
    const key = `${matrix.tile}/${matrix.core}/${matrix.mvmu}`
    if (seen.has(key)) throw new PumaAssemblyError(line, `MVMU ${key} programmed twice`)
    seen.add(key)
  }
  const tiles = Array.from({ length: shape.tiles }, (_, tile) => {
    const tileStream = streams.get(`t${tile}`)
    const cores = Array.from({ length: shape.coresPerTile }, (_, core) => streams.get(`t${tile}c${core}`))
    return {
      program: tileStream === undefined ? [] : resolve(tileStream),
      cores: cores.map((stream) => (stream === undefined ? [] : resolve(stream))),
      coreLabels: cores.map((stream) => stream?.name ?? ''),
    }
  })
  return { machine: shape, tiles, matrices: matrices.map((entry) => entry.matrix), inputs, outputs }
}
