import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { createPumaArchitecture } from './architecture/puma-architecture.js'
import { pumaOptionsSchema } from './architecture/puma-options.js'
import { pumaPreset } from './presets/puma.js'
import { VERSION } from './version.js'

// Architecture and cost
export { buildPumaNode } from './architecture/build-puma-hierarchy.js'
export type { PumaNode } from './architecture/build-puma-hierarchy.js'
export { createPumaArchitecture, PumaArchitecture } from './architecture/puma-architecture.js'
export { pumaAccessRates, pumaComponentCosts } from './architecture/puma-component-costs.js'
export type { PumaComponent } from './architecture/puma-component-costs.js'
export { pumaOptionsSchema } from './architecture/puma-options.js'
export type { PumaOptions, ResolvedPumaOptions } from './architecture/puma-options.js'
export { pumaPreset } from './presets/puma.js'
// Compiler
export { checkDeadlock } from './compiler/check-deadlock.js'
export { compileNetwork } from './compiler/compile-network.js'
export type { CompiledNetwork, LayerPlacement } from './compiler/compile-network.js'
export { compileOptionsSchema } from './compiler/compile-options.js'
export type { CompileOptions } from './compiler/compile-options.js'
// ISA
export { assemble } from './isa/assemble.js'
export { decodeProgram, encodeProgram } from './isa/binary-encoding.js'
export { checkInstruction, coreRegisterCount } from './isa/check-instruction.js'
export { disassemble, formatInstruction } from './isa/disassemble.js'
export type { MemoryAddress, PumaInstruction, PumaOpcode } from './isa/instruction.js'
export { ALU_OPS, OPCODES } from './isa/opcodes.js'
export type { AluOp, Opcode } from './isa/opcodes.js'
export { compressCountRuns, expandCountRuns } from './isa/program.js'
export type { PumaInputRegion, PumaMachineShape, PumaMatrix, PumaOutputRegion, PumaProgram, PumaTileProgram } from './isa/program.js'
export { PumaAssemblyError, PumaDeadlockError, PumaEncodingError, PumaProgramError } from './isa/puma-errors.js'
export { validateProgram } from './isa/validate-program.js'
// Machine
export { bitSlicedMvm } from './machine/bit-sliced-mvm.js'
export type { BitSlicedMvmOptions } from './machine/bit-sliced-mvm.js'
export { dequantizeArray, fromFixed, PUMA_FIXED_POINT, quantizeArray, toFixed } from './machine/fixed-point.js'
export type { FixedPointFormat } from './machine/fixed-point.js'
export { instructionTimingSchema } from './machine/instruction-timing.js'
export type { InstructionTiming, InstructionTimingOptions } from './machine/instruction-timing.js'
export type { UnitActivity } from './machine/machine-state.js'
export { engineMvm } from './machine/engine-mvm.js'
export type { EngineMvmOptions } from './machine/engine-mvm.js'
export { mvmFromMatrices } from './machine/matrix-mvm-adapter.js'
export type { ProgramMatrix, RealMatrix } from './machine/matrix-mvm-adapter.js'
export { idealMvm } from './machine/mvm-function.js'
export type { MvmFunction, MvmuBlock } from './machine/mvm-function.js'
export { simulateProgram } from './machine/simulate-program.js'
export type { PumaSimulationResult, SimulateProgramOptions } from './machine/simulate-program.js'
// Network input
export { describePumaNetwork } from './network/network-workload.js'
export { pumaNetworkFromNn } from './network/from-nn-network.js'
export { layerOutputShape } from './network/puma-network.js'
export type { PumaActivationLayer, PumaConv2dLayer, PumaDenseLayer, PumaFlattenLayer, PumaLayer, PumaNetwork, PumaPoolLayer } from './network/puma-network.js'
export { referenceForward } from './network/reference-forward.js'
export type { ReferenceForwardOptions } from './network/reference-forward.js'
export { VERSION } from './version.js'

/**
 * The PUMA architecture for cimkit: registers architecture `puma` and the preset `puma`.
 * @since 0.1.0
 */
export function createPumaPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/arch-puma', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.architecture('puma', {
        optionsSchema: pumaOptionsSchema,
        description: 'PUMA (ASPLOS 2019): programmable tiles of cores with MVMUs, VFUs and register files; ISA, compiler and instruction-level simulator',
        create: (options) => createPumaArchitecture(options),
      })
    },
    presets: { puma: pumaPreset },
  })
}

export default createPumaPlugin()
