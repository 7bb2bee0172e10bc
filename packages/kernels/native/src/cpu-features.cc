// Runtime ISA dispatch. __builtin_cpu_supports (libgcc / compiler-rt) also checks that the OS
// saves the wider register state (XCR0), so a kernel is only chosen when it can run.
#include "kernel-spec.h"

namespace cimkit {

bool isa_supported(Isa isa) {
  switch (isa) {
    case Isa::kScalar:
      return true;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    case Isa::kAvx2:
      return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case Isa::kAvx512:
      return __builtin_cpu_supports("avx512f");
#endif
    default:
      return false;
  }
}

const KernelSpec& kernel_spec(Isa isa) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (isa == Isa::kAvx512) return avx512_kernel_spec();
  if (isa == Isa::kAvx2) return avx2_kernel_spec();
#endif
  (void)isa;
  return scalar_kernel_spec();
}

}  // namespace cimkit
