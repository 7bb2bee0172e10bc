export { technologyScaleFactors } from './technology/technology-scaling.js'
export type { TechnologyPoint, TechnologyScaleFactors } from './technology/technology-scaling.js'
export { VERSION } from './version.js'
