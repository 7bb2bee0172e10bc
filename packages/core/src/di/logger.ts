/** Where components report progress and warnings; the CLI writes it to stderr. @since 0.1.0 */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  /** Progress of a long task, fraction in [0, 1]. */
  progress(task: string, fraction: number): void
}

/** A logger that drops everything (library use, tests). @since 0.1.0 */
export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  progress: () => {},
}
