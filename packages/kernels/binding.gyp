{
  # Built by scripts/build-native.mjs at install (never fails the install); see native/README.md.
  "targets": [
    {
      "target_name": "cimkit_kernels",
      "sources": [
        "native/src/addon.cc",
        "native/src/cpu-features.cc",
        "native/src/elementwise.cc",
        "native/src/convert-row-avx2.cc",
        "native/src/encode-uniform-avx2.cc",
        "native/src/gemm.cc",
        "native/src/prepared-gemm.cc",
        "native/src/kernel-avx2.cc",
        "native/src/kernel-avx512.cc",
        "native/src/kernel-scalar.cc",
        "native/src/thread-pool.cc"
      ],
      "defines": ["NAPI_VERSION=8"],
      "cflags_cc": ["-O3", "-Wall", "-Wextra", "-ffp-contract=off"],
      "xcode_settings": { "OTHER_CPLUSPLUSFLAGS": ["-O3"] },
      "msvs_settings": { "VCCLCompilerTool": { "Optimization": 2 } }
    }
  ]
}
