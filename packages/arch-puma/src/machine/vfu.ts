import type { AluOp } from '../isa/opcodes.js'
import { roundShift, saturate, toFixed } from './fixed-point.js'
import type { FixedPointFormat } from './fixed-point.js'

/**
 * One element of a vector functional unit operation on raw fixed-point words (saturating, as the
 * PUMA VFU's 16-bit datapath). Comparisons return 1.0 (2^f) or 0; `sig`/`tanh` are the exact
 * functions rounded to the format (the simulator's LUT-like units are modelled as exact).
 * @since 0.1.0
 */
export function vfuElement(op: AluOp, a: number, b: number, format: FixedPointFormat): number {
  const one = 2 ** format.fractionBits
  switch (op) {
    case 'add':
      return saturate(a + b, format)
    case 'sub':
      return saturate(a - b, format)
    case 'mul':
      return roundShift(a * b, format.fractionBits, format)
    case 'div':
      return b === 0 ? (a >= 0 ? saturate(Number.MAX_SAFE_INTEGER, format) : saturate(-Number.MAX_SAFE_INTEGER, format)) : saturate(Math.trunc((a * one) / b), format)
    case 'min':
      return a < b ? a : b
    case 'max':
      return a > b ? a : b
    case 'and':
      return ((a & b) << 16) >> 16
    case 'or':
      return ((a | b) << 16) >> 16
    case 'not':
      return ((~a) << 16) >> 16
    case 'eq':
      return a === b ? one : 0
    case 'neq':
      return a !== b ? one : 0
    case 'lt':
      return a < b ? one : 0
    case 'leq':
      return a <= b ? one : 0
    case 'gt':
      return a > b ? one : 0
    case 'geq':
      return a >= b ? one : 0
    case 'relu':
      return a > 0 ? a : 0
    case 'sig':
      return toFixed(1 / (1 + Math.exp(-a / one)), format)
    case 'tanh':
      return toFixed(Math.tanh(a / one), format)
    case 'shl':
      return saturate(a * 2 ** Math.max(0, Math.min(16, b)), format)
    case 'shr':
      return a >> Math.max(0, Math.min(15, b))
  }
}

/**
 * One scalar integer ALU operation (`aluint`) on raw 16-bit words, wrapping like a 16-bit integer
 * unit; comparisons return 1 or 0.
 * @since 0.1.0
 */
export function integerAlu(op: AluOp, a: number, b: number): number {
  const wrap = (value: number): number => (Math.trunc(value) << 16) >> 16
  switch (op) {
    case 'add':
      return wrap(a + b)
    case 'sub':
      return wrap(a - b)
    case 'mul':
      return wrap(a * b)
    case 'div':
      return b === 0 ? 0 : wrap(a / b)
    case 'min':
      return Math.min(a, b)
    case 'max':
      return Math.max(a, b)
    case 'and':
      return wrap(a & b)
    case 'or':
      return wrap(a | b)
    case 'not':
      return wrap(~a)
    case 'eq':
      return a === b ? 1 : 0
    case 'neq':
      return a !== b ? 1 : 0
    case 'lt':
      return a < b ? 1 : 0
    case 'leq':
      return a <= b ? 1 : 0
    case 'gt':
      return a > b ? 1 : 0
    case 'geq':
      return a >= b ? 1 : 0
    case 'relu':
      return a > 0 ? a : 0
    case 'sig':
    case 'tanh':
      return a
    case 'shl':
      return wrap(a << Math.max(0, Math.min(15, b)))
    case 'shr':
      return a >> Math.max(0, Math.min(15, b))
  }
}
