/**
 * The plugin contract version this core implements. A plugin declares the version it was built
 * against; the loader refuses a mismatch instead of failing later in a numeric kernel.
 * @since 0.1.0
 */
export const SPECIFICATION_VERSION = 'v1' as const

/** @since 0.1.0 */
export type SpecificationVersion = typeof SPECIFICATION_VERSION
