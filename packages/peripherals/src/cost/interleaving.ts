/** How many time-interleaved channels a converter needs, and its resulting rate. @since 0.1.0 */
export interface Interleaving {
  readonly channels: number
  readonly sampleRateHz: number
}

/**
 * A converter asked to run faster than one channel can is built from interleaved copies: area grows
 * with the channel count while energy per conversion stays put (each copy converts a share of the
 * samples). Without a request, one channel at its native rate.
 * @example interleave(1e9, 2.5e9) // returns { channels: 3, sampleRateHz: 2.5e9 }
 * @since 0.1.0
 */
export function interleave(nativeRateHz: number, requestedRateHz: number | undefined): Interleaving {
  if (requestedRateHz === undefined) return { channels: 1, sampleRateHz: nativeRateHz }
  // NOTE: a 1e-9 relative slack keeps a request equal to the native rate (after float scaling) at one channel.
  const channels = Math.max(1, Math.ceil(requestedRateHz / nativeRateHz - 1e-9))
  return { channels, sampleRateHz: requestedRateHz }
}
