import { createCostPlugin } from './custom/create-cost-plugin.js'

// Activity
export { deriveLayerCounts, mergeMeasuredActivity } from './activity/layer-counts.js'
export type { CountSettings, RoleCounts } from './activity/layer-counts.js'
// ADC sizing
export { requiredAdcBits } from './adc/required-adc-bits.js'
export type { SlicedMvmShape } from './adc/required-adc-bits.js'
// Component costs
export { crossbarArrayCost } from './components/crossbar-array-cost.js'
export type { CrossbarEnergySource, CrossbarShape } from './components/crossbar-array-cost.js'
export { componentCostFromPower, resizeComponentCost, scaleComponentCost } from './components/define-component-cost.js'
export type { PowerFigure, ResizeFactors } from './components/define-component-cost.js'
export { ISAAC_TECHNOLOGY, isaacTable6 } from './components/isaac-table-6.js'
export type { IsaacTable6Component, PublishedComponentFigure } from './components/isaac-table-6.js'
export { edramBufferCost, isaacComponentCost, publishedComponentCost } from './components/published-component-cost.js'
export type { LibraryComponentOptions } from './components/published-component-cost.js'
// Custom architecture (plugin)
export { createCostPlugin } from './custom/create-cost-plugin.js'
export { createCustomArchitecture } from './custom/create-custom-architecture.js'
export { customArchitectureOptionsSchema } from './custom/custom-options.js'
export type { CustomArchitectureOptions, ResolvedCustomArchitectureOptions } from './custom/custom-options.js'
// Hierarchy
export { flattenHierarchy } from './hierarchy/cost-node.js'
export type { CostNode, FlatComponent } from './hierarchy/cost-node.js'
export { componentPeakPowerW, hierarchyAreaMm2, hierarchyLeakageW, peakPpa } from './hierarchy/hierarchy-rollup.js'
// Mapping
export type { ArrayGeometry } from './mapping/array-geometry.js'
export { balanceReplication } from './mapping/balance-replication.js'
export type { ReplicationDemand } from './mapping/balance-replication.js'
export { layerBlocks, mapNetwork } from './mapping/map-network.js'
export type { MapNetworkOptions } from './mapping/map-network.js'
// Pipeline
export { inputBufferBytes, pipelineTiming } from './pipeline/pipeline-timing.js'
export type { PipelineTiming, StageTiming } from './pipeline/pipeline-timing.js'
// Reports
export { costMappedNetwork } from './report/cost-mapped-network.js'
export type { CostMappedNetworkInput, DetailedPpaReport } from './report/cost-mapped-network.js'
// Technology
export { technologyScaleFactors } from './technology/technology-scaling.js'
export type { TechnologyPoint, TechnologyScaleFactors } from './technology/technology-scaling.js'
// Tiled chips
export { buildTiledChip } from './tiled/build-tiled-chip.js'
export type { TiledChip } from './tiled/build-tiled-chip.js'
export { TiledArchitecture } from './tiled/tiled-architecture.js'
export type { TiledArchitectureSettings } from './tiled/tiled-architecture.js'
export type { TiledChipSpec } from './tiled/tiled-chip-spec.js'
export { VERSION } from './version.js'

export default createCostPlugin()
