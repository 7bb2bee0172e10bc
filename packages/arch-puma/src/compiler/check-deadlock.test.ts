import { describe, expect, it } from 'vitest'
import { assemble } from '../isa/assemble.js'
import { PumaDeadlockError } from '../isa/puma-errors.js'
import { checkDeadlock } from './check-deadlock.js'

const MACHINE = '.machine tiles=2 cores=1 mvmus=1 rows=4 columns=4 registers=16 memory=64 fraction=12'

describe('compiler deadlock check', () => {
  it('rejects a core that loads data its own later store would provide', () => {
    const program = assemble(`${MACHINE}
.core 0 0
  load r8, @0, 4
  store @0, r8, 1, 4
  hlt
`)
    expect(() => checkDeadlock(program)).toThrow(PumaDeadlockError)
    expect(() => checkDeadlock(program)).toThrow(/tile 0 core 0 waiting for shared memory @0\.\.3 of tile 0 to be valid/)
  })

  it('rejects two tiles that each wait to receive before sending (a cycle through the network)', () => {
    const program = assemble(`${MACHINE}
.input x tile=0 address=8 length=4 offset=0 counts=1*4
.tile 0
  receive @0, 4, 1, 1
  send @8, 4, 1
  hlt
.tile 1
  receive @0, 4, 1, 0
  send @0, 4, 0
  hlt
`)
    expect(() => checkDeadlock(program)).toThrow(PumaDeadlockError)
  })

  it('accepts the same exchange when one tile sends first', () => {
    const program = assemble(`${MACHINE}
.input x tile=0 address=8 length=4 offset=0 counts=1*4
.tile 0
  send @8, 4, 1
  receive @0, 4, 1, 1
  hlt
.tile 1
  receive @0, 4, 1, 0
  send @0, 4, 0
  hlt
.core 0 0
  load r8, @0, 4
  hlt
`)
    expect(() => checkDeadlock(program)).not.toThrow()
  })

  it('rejects a load whose count was already used up (a word read more often than its count)', () => {
    const program = assemble(`${MACHINE}
.input x tile=0 address=0 length=4 offset=0 counts=1*4
.core 0 0
  load r8, @0, 4
  load r12, @0, 4
  hlt
`)
    expect(() => checkDeadlock(program)).toThrow(/waiting for shared memory @0\.\.3/)
  })
})
