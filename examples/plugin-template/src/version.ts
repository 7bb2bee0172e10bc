/** This package's version (kept equal to package.json). @since 0.1.0 */
export const VERSION: string = '0.1.0'
