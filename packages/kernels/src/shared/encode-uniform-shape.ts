import type { EncodeUniformParamsV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'

/**
 * Checks an `encodeUniform` call before it reaches native code: `planes` covers the inputs, the
 * scales are positive and finite, and the rounding is one the spec names.
 * @since 0.2.0
 */
export function checkEncodeUniformShape({ inputs, inputScale, levels, planes }: EncodeUniformParamsV1): void {
  if (planes.length < inputs.length) throw new InvalidArgumentError('encodeUniform.planes', `has ${planes.length} values, the inputs ${inputs.length}`)
  if (!(inputScale > 0) || !Number.isFinite(inputScale)) throw new InvalidArgumentError('encodeUniform.inputScale', `expected a positive finite number, got ${inputScale}`)
  for (const name of ['low', 'scale', 'minCode', 'maxCode', 'divisor'] as const) {
    if (!Number.isFinite(levels[name])) throw new InvalidArgumentError(`encodeUniform.levels.${name}`, `expected a finite number, got ${levels[name]}`)
  }
  if (!(levels.minCode <= levels.maxCode)) throw new InvalidArgumentError('encodeUniform.levels.minCode', `must not exceed maxCode (${levels.minCode} > ${levels.maxCode})`)
  if (!(levels.divisor !== 0)) throw new InvalidArgumentError('encodeUniform.levels.divisor', 'must not be 0')
  // NOTE: codes go through int64 truncation natively; 2^31 keeps |s| + 1 far inside it.
  if (Math.abs(levels.scale) > 2 ** 31) throw new InvalidArgumentError('encodeUniform.levels.scale', `above 2^31 is not supported, got ${levels.scale}`)
  if (levels.rounding !== 'half-away-from-zero' && levels.rounding !== 'half-up') throw new InvalidArgumentError('encodeUniform.levels.rounding', `unknown rounding ${String(levels.rounding)}`)
}
