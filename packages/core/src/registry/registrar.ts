import type { DependencyContainer, InjectionToken } from 'tsyringe'
import { InvalidArgumentError } from '../errors/invalid-argument-error.js'
import type { PluginMetaV1 } from '../plugin/cimkit-plugin.js'
import type { ArchitectureV1 } from '../spec/architecture/v1/architecture.js'
import type { ComputeBackendV1 } from '../spec/backend/v1/compute-backend.js'
import type { ComponentKind, ComponentKindsV1 } from '../spec/component-kinds.js'
import type { DeviceModelV1 } from '../spec/device/v1/device-model.js'
import type { InputEncoderV1 } from '../spec/peripheral/v1/input-encoder.js'
import type { OutputConverterV1 } from '../spec/peripheral/v1/output-converter.js'
import type { ReliabilityMiddlewareV1 } from '../spec/reliability/v1/reliability-middleware.js'
import type { WorkloadV1 } from '../spec/workload/v1/workload.js'
import type { ComponentRegistrationV1 } from './component-registration.js'
import type { ComponentRegistry } from './component-registry.js'

const typePattern = /^[a-z0-9][a-z0-9-]*$/

/**
 * The facade a plugin's `register` receives: typed methods per kind, provenance recorded, and the
 * DI container kept behind it (STYLE.md R17) so plugins never touch tsyringe directly.
 * @since 0.1.0
 */
export class Registrar {
  constructor(
    private readonly registry: ComponentRegistry,
    private readonly container: DependencyContainer,
    private readonly plugin: PluginMetaV1,
  ) {}

  device<O>(type: string, registration: ComponentRegistrationV1<DeviceModelV1, O>): this {
    return this.add('device', type, registration)
  }

  inputEncoder<O>(type: string, registration: ComponentRegistrationV1<InputEncoderV1, O>): this {
    return this.add('inputEncoder', type, registration)
  }

  outputConverter<O>(type: string, registration: ComponentRegistrationV1<OutputConverterV1, O>): this {
    return this.add('outputConverter', type, registration)
  }

  architecture<O>(type: string, registration: ComponentRegistrationV1<ArchitectureV1, O>): this {
    return this.add('architecture', type, registration)
  }

  reliability<O>(type: string, registration: ComponentRegistrationV1<ReliabilityMiddlewareV1, O>): this {
    return this.add('reliability', type, registration)
  }

  backend<O>(type: string, registration: ComponentRegistrationV1<ComputeBackendV1, O>): this {
    return this.add('backend', type, registration)
  }

  workload<O>(type: string, registration: ComponentRegistrationV1<WorkloadV1, O>): this {
    return this.add('workload', type, registration)
  }

  /** Makes a ready-made service available to every component of the run. */
  instance<T>(token: InjectionToken<T>, value: T): this {
    this.container.register(token, { useValue: value })
    return this
  }

  private add<K extends ComponentKind, O>(kind: K, type: string, registration: ComponentRegistrationV1<ComponentKindsV1[K], O>): this {
    if (!typePattern.test(type)) {
      throw new InvalidArgumentError('type', `${this.plugin.name}: "${type}" is not a valid ${kind} type (lower-case letters, digits and dashes)`)
    }
    if (typeof registration.create !== 'function' || registration.optionsSchema?.['~standard'] === undefined) {
      throw new InvalidArgumentError('registration', `${this.plugin.name}: ${kind} "${type}" needs create() and a Standard Schema optionsSchema`)
    }
    this.registry.add({
      kind,
      type,
      registration: registration as unknown as ComponentRegistrationV1<ComponentKindsV1[K]>,
      plugin: this.plugin.name,
      pluginVersion: this.plugin.version,
    })
    return this
  }
}
