import 'reflect-metadata'

// Configuration
export { baseConfigSchema } from './config/base-config-schema.js'
export type { BaseConfig, ConfigInput } from './config/base-config-schema.js'
export { composeConfigJsonSchema } from './config/compose-json-schema.js'
export { configSections, getAtPath } from './config/config-sections.js'
export type { ConfigSection } from './config/config-sections.js'
export { mergeDefaults } from './config/merge-defaults.js'
export { resolveConfig, validateBaseConfig } from './config/resolve-config.js'
export type { ResolvedConfig, ResolvedSection } from './config/resolve-config.js'
export { standardValidate } from './config/standard-validate.js'
// Dependency injection (the only tsyringe import point)
export { container, delay, inject, injectable, injectAll, Lifecycle, silentLogger, Tokens } from './di/index.js'
export type { DependencyContainer, InjectionToken, Logger } from './di/index.js'
// Errors
export {
  CimkitError,
  ConfigValidationError,
  DuplicateRegistrationError,
  formatKeyPath,
  InvalidArgumentError,
  NoSuchComponentError,
  PluginLoadError,
} from './errors/index.js'
export type { ConfigIssue } from './errors/index.js'
// Numerics shared by plugins
export { complementaryErrorFunction, normalCdf, normalQuantile } from './math/normal-distribution.js'
// Plugins and loading
export { checkPlugin, loadPlugin } from './loader/load-plugin.js'
export type { LoadedPlugin } from './loader/load-plugin.js'
export { createRunContainer } from './loader/create-run-container.js'
export type { PluginToRegister, RunContainer } from './loader/create-run-container.js'
export { findPackageJson, readPluginManifest } from './loader/read-plugin-manifest.js'
export { resolvePluginUrl } from './loader/resolve-plugin-url.js'
export { definePlugin } from './plugin/cimkit-plugin.js'
export type { CimkitPluginV1, PluginMetaV1 } from './plugin/cimkit-plugin.js'
export { pluginManifestSchema } from './plugin/plugin-manifest.js'
export type { PluginManifest, PluginPackageInfo } from './plugin/plugin-manifest.js'
export type { PresetV1 } from './plugin/preset.js'
// Randomness
export { createRandomSource, createRandomSourceFromState } from './random/create-random-source.js'
export type { RandomSource, RandomState } from './random/random-source.js'
// Registry
export type { ComponentRegistrationV1, CreateContextV1 } from './registry/component-registration.js'
export { ComponentRegistry } from './registry/component-registry.js'
export type { RegisteredComponent } from './registry/component-registry.js'
export { Registrar } from './registry/registrar.js'
// Spec v1
export type { ArchitectureV1 } from './spec/architecture/v1/architecture.js'
export type { ArrayOrganizationV1 } from './spec/architecture/v1/array-organization.js'
export type { ComponentNodeV1 } from './spec/architecture/v1/component-node.js'
export type { LayerMappingV1, MappingV1 } from './spec/architecture/v1/mapping.js'
export type { PeakPpaV1, PpaBreakdownEntryV1, PpaReportV1 } from './spec/architecture/v1/ppa-report.js'
export type { ComputeBackendV1, ConvertAccumulateParamsV1, ConvertScaleIntoParamsV1, GemmParamsV1, Im2colParamsV1, EncodeUniformParamsV1, PreparedGemmParamsV1, PreparedMatrixV1 } from './spec/backend/v1/compute-backend.js'
export { COMPONENT_KINDS } from './spec/component-kinds.js'
export type { ComponentKind, ComponentKindsV1 } from './spec/component-kinds.js'
export type { ComponentCostModelV1 } from './spec/cost/v1/component-cost-model.js'
export { defineComponentCost } from './spec/cost/v1/define-component-cost.js'
export type { ComponentCostFields } from './spec/cost/v1/define-component-cost.js'
export type { DeviceCostV1, DeviceModelV1 } from './spec/device/v1/device-model.js'
export { StuckState } from './spec/device/v1/programmed-cells.js'
export type { ProgrammedCellsV1 } from './spec/device/v1/programmed-cells.js'
export type { EncodedInputV1, InputEncoderV1, UniformLevelsV1 } from './spec/peripheral/v1/input-encoder.js'
export type { ConversionRangeV1, OutputConverterV1 } from './spec/peripheral/v1/output-converter.js'
export type {
  ActionRecorderV1,
  MvmCallV1,
  ProgramCallV1,
  ReliabilityMiddlewareV1,
  WeightTransformCallV1,
} from './spec/reliability/v1/reliability-middleware.js'
export { SPECIFICATION_VERSION } from './spec/specification-version.js'
export type { SpecificationVersion } from './spec/specification-version.js'
export type { ActivityV1 } from './spec/workload/v1/activity.js'
export type { LayerWorkloadV1, NetworkWorkloadV1 } from './spec/workload/v1/network-workload.js'
export type { EvaluationResultV1, EvaluationSettingsV1, HardwareV1, WorkloadV1 } from './spec/workload/v1/workload.js'
// Tensors
export { createTensor, shapeSize } from './tensor/tensor.js'
export type { Tensor } from './tensor/tensor.js'
// Version
export { VERSION } from './version.js'
