/**
 * CrossSim 3.2's figures on this machine kind and cimkit's goals (TARGETS.md §3: W ~ N(0,1)
 * float32 N×N, 64 input vectors U[−1, 1], timed on 2 cores of an AVX-512 EPYC; anchor-crosssim.md §8.2,
 * median of 7), keyed `<case>@<N>`. `goal` is the required multiple of CrossSim's MVM/s.
 * @since 0.1.0
 */
export const crossSimReference: Readonly<Record<string, { readonly mvmPerS: number; readonly xNumpy: number; readonly goal: number }>> = {
  'prog-dac8-adc8@1024': { mvmPerS: 12.6e3, xNumpy: 3.1, goal: 2 },
  'prog-dac8-adc8@256': { mvmPerS: 193e3, xNumpy: 2.8, goal: 2 },
  'weight-slices@1024': { mvmPerS: 3.4e3, xNumpy: 11.3, goal: 3 },
  'input-bitserial@1024': { mvmPerS: 1.3e3, xNumpy: 30, goal: 3 },
  'both-slicings@1024': { mvmPerS: 439, xNumpy: 88.8, goal: 3 },
  'read-noise@1024': { mvmPerS: 9.4, xNumpy: 4146, goal: 100 },
  'wire-resistance@256': { mvmPerS: 34, xNumpy: 15892, goal: 20 },
}
