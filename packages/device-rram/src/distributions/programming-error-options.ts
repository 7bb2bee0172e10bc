import { z } from 'zod'

const perLevelOrScalar = (description: string) => z.union([z.number().min(0), z.array(z.number().min(0)).min(2)]).describe(description)

/**
 * Gaussian programming error, σ = relativeStd·G_target + absoluteStdS (both may be per level, lowest
 * conductance first): state-dependent spread. Paper 000 Table 1 defines variability as σ/μ.
 * @since 0.1.0
 */
export const gaussianErrorSchema = z
  .object({
    kind: z.literal('gaussian'),
    relativeStd: perLevelOrScalar('σ/μ of the programmed conductance (dimensionless), scalar or one per level').default(0),
    absoluteStdS: perLevelOrScalar('state-independent part of σ, siemens, scalar or one per level').default(0),
  })
  .strict()

/**
 * Lognormal programming error: ln G ~ N(ln G_target, sigmaLn²), median at the target (a resistance
 * read the same way has the same σ in ln R). Paper 004's LRS/HRS distributions are of this kind.
 * @since 0.1.0
 */
export const lognormalErrorSchema = z
  .object({
    kind: z.literal('lognormal'),
    sigmaLn: perLevelOrScalar('standard deviation of ln G (dimensionless), scalar or one per level'),
  })
  .strict()

/** One Gaussian component of a level's mixture (absolute conductances). @since 0.1.0 */
export const mixtureComponentSchema = z
  .object({
    weight: z.number().positive().describe('mixing weight (normalised over the level)'),
    meanS: z.number().describe('component mean, siemens'),
    stdS: z.number().positive().describe('component standard deviation, siemens'),
  })
  .strict()

/**
 * A mixture of Gaussians per level, in absolute conductance (paper 002: the measured PDF of each
 * 2-bit level "fitted with a linear combination of multiple Gaussians"). Lowest level first.
 * @since 0.1.0
 */
export const mixtureErrorSchema = z
  .object({
    kind: z.literal('mixture'),
    levels: z.array(z.object({ components: z.array(mixtureComponentSchema).min(1) }).strict()).min(2),
  })
  .strict()

/** Measured conductances per level, resampled as they are (bootstrap). Lowest level first. @since 0.1.0 */
export const empiricalErrorSchema = z
  .object({
    kind: z.literal('empirical'),
    levels: z.array(z.object({ samplesS: z.array(z.number().min(0)).min(1) }).strict()).min(2),
  })
  .strict()

/** How a programmed conductance scatters around its target. @since 0.1.0 */
export const programmingErrorSchema = z.discriminatedUnion('kind', [gaussianErrorSchema, lognormalErrorSchema, mixtureErrorSchema, empiricalErrorSchema])

/** @since 0.1.0 */
export type ProgrammingErrorOptions = z.input<typeof programmingErrorSchema>
/** @since 0.1.0 */
export type ProgrammingError = z.output<typeof programmingErrorSchema>
