#pragma once
// Marks functions that run on the host and, under nvcc, on the device (pbrt's PBRT_CPU_GPU idea).
#if defined(__CUDACC__)
#define LEDGER_HD __host__ __device__
#else
#define LEDGER_HD
#endif
