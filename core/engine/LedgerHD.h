#pragma once
// Marks functions that run on the host and, under nvcc, on the device (pbrt's PBRT_CPU_GPU idea).
#if defined(__CUDACC__)
#define LEDGER_HD __host__ __device__
#else
#define LEDGER_HD
#endif

// The same, always inlined: a step of the path function called once per item and period, whose
// call (lane packs passed through memory) would cost more than its body.
#if defined(__CUDACC__)
#define LEDGER_HD_INLINE __forceinline__ __host__ __device__
#else
#define LEDGER_HD_INLINE __attribute__((always_inline)) inline
#endif
