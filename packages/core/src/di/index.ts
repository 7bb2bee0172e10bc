// The one place tsyringe is imported (STYLE.md R16): plugins get DI from @cimkit/core, so a plugin
// can never end up with a second copy of the container.
export { container, delay, inject, injectable, injectAll, Lifecycle } from 'tsyringe'
export type { DependencyContainer, InjectionToken } from 'tsyringe'
export { silentLogger } from './logger.js'
export type { Logger } from './logger.js'
export { Tokens } from './tokens.js'
