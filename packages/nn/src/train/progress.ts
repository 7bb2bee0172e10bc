/** Where training is, for progress bars and logs. @since 0.1.0 */
export interface TrainingProgress {
  readonly epoch: number
  readonly epochs: number
  readonly step: number
  readonly stepsPerEpoch: number
  /** Fraction of all steps done, [0, 1]. */
  readonly fraction: number
  /** Mean loss over the current epoch so far. */
  readonly loss: number
  readonly elapsedS: number
  /** Estimated seconds left, from the mean step time so far. */
  readonly etaS: number
}

/**
 * One line: `epoch 2/5 step 300/600 loss 0.1234 40.0% eta 1m23s`.
 * @since 0.1.0
 */
export function formatTrainingProgress(progress: TrainingProgress): string {
  const eta = progress.etaS >= 60 ? `${Math.floor(progress.etaS / 60)}m${Math.round(progress.etaS % 60)}s` : `${Math.round(progress.etaS)}s`
  return `epoch ${progress.epoch}/${progress.epochs} step ${progress.step}/${progress.stepsPerEpoch} loss ${progress.loss.toFixed(4)} ${(100 * progress.fraction).toFixed(1)}% eta ${eta}`
}
