import { z } from 'zod'

/**
 * Options of the native backend (`backend: native`).
 * @since 0.1.0
 */
export const nativeBackendOptionsSchema = z.strictObject({
  isa: z.enum(['auto', 'avx512', 'avx2', 'scalar']).default('auto').describe('GEMM instruction set; auto = the best this CPU supports'),
  threads: z.int().min(1).optional().describe('Threads per GEMM; default = all hardware threads'),
})

/** @since 0.1.0 */
export type NativeBackendOptions = z.input<typeof nativeBackendOptionsSchema>
