import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { container } from 'tsyringe'
import { DuplicateRegistrationError } from '../errors/duplicate-registration-error.js'
import { NoSuchComponentError } from '../errors/no-such-component-error.js'
import { CimkitError } from '../errors/cimkit-error.js'
import { ComponentRegistry } from './component-registry.js'
import { Registrar } from './registrar.js'
import type { DeviceModelV1 } from '../spec/device/v1/device-model.js'

const schema = z.strictObject({ gMinS: z.number().positive() })
const registration = { optionsSchema: schema, create: () => ({}) as DeviceModelV1 }

describe('Registrar and ComponentRegistry', () => {
  it('records registrations with their plugin and lists types per kind', () => {
    const registry = new ComponentRegistry()
    new Registrar(registry, container.createChildContainer(), { name: 'plugin-a', version: '1.0.0' }).device('rram', registration).device('pcm', registration)
    expect(registry.types('device')).toEqual(['pcm', 'rram'])
    expect(registry.get('device', 'rram').plugin).toBe('plugin-a')
    expect(registry.types('architecture')).toEqual([])
  })

  it('throws on a duplicate kind:type, naming both plugins', () => {
    const registry = new ComponentRegistry()
    new Registrar(registry, container.createChildContainer(), { name: 'plugin-a', version: '1' }).device('rram', registration)
    const second = new Registrar(registry, container.createChildContainer(), { name: 'plugin-b', version: '1' })
    expect(() => second.device('rram', registration)).toThrow(DuplicateRegistrationError)
    expect(() => second.device('rram', registration)).toThrow(/plugin-a.*plugin-b/)
  })

  it('the same type under another kind is not a duplicate', () => {
    const registry = new ComponentRegistry()
    const registrar = new Registrar(registry, container.createChildContainer(), { name: 'p', version: '1' })
    registrar.device('x', registration).workload('x', { optionsSchema: schema, create: () => ({}) as never })
    expect(registry.list()).toHaveLength(2)
  })

  it('throws NoSuchComponentError listing what is available', () => {
    const registry = new ComponentRegistry()
    new Registrar(registry, container.createChildContainer(), { name: 'p', version: '1' }).device('rram', registration)
    const lookup = (): unknown => registry.get('device', 'ferro')
    expect(lookup).toThrow(NoSuchComponentError)
    expect(lookup).toThrow(/available: rram/)
    try {
      lookup()
    } catch (error) {
      expect(CimkitError.isInstance(error)).toBe(true)
    }
  })

  it('rejects malformed types and registrations without a Standard Schema', () => {
    const registrar = new Registrar(new ComponentRegistry(), container.createChildContainer(), { name: 'p', version: '1' })
    expect(() => registrar.device('RRAM Device', registration)).toThrow(/not a valid device type/)
    expect(() => registrar.device('rram', { optionsSchema: {} as never, create: () => ({}) as DeviceModelV1 })).toThrow(/Standard Schema/)
  })

  it('registers service instances into the run container only', () => {
    const child = container.createChildContainer()
    const token = Symbol.for('@cimkit/test:Service')
    new Registrar(new ComponentRegistry(), child, { name: 'p', version: '1' }).instance(token, 42)
    expect(child.resolve(token)).toBe(42)
    expect(container.isRegistered(token)).toBe(false)
  })
})
