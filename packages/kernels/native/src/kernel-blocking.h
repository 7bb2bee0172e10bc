#ifndef CIMKIT_KERNEL_BLOCKING_H_
#define CIMKIT_KERNEL_BLOCKING_H_

namespace cimkit {

// Register tile and cache blocking of the AVX-512 kernel, shared with the test that runs the same
// geometry through the driver on machines without AVX-512 (native/test/avx512-geometry.cc).
// B strip 192 x 32 floats = 24 KiB (fits a 32 or 48 KiB L1d); A block 144 x 192 floats = 108 KiB.
struct Avx512Blocking {
  static constexpr int kMr = 12;
  static constexpr int kNr = 32;
  static constexpr int kMc = 144;
  static constexpr int kKc = 192;
  static constexpr int kNc = 1024;
};

}  // namespace cimkit

#endif  // CIMKIT_KERNEL_BLOCKING_H_
