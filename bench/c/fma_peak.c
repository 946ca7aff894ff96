/*
 * The machine's float32 peak, measured: fused multiply-adds on independent accumulators in vector
 * registers, nothing loaded or stored in the loop, for 256-bit (AVX2 + FMA3) and, where the CPU
 * has it, 512-bit (AVX-512F) vectors, on 1 and 2 threads. The ceiling that docs/PERFORMANCE.md
 * sets the GEMM kernels' GFLOP/s against. Prints one line per case: vector width, threads,
 * GFLOP/s of the best of 20 rounds (2 flops per lane per FMA).
 *
 *   gcc -O2 -pthread -o fma_peak bench/c/fma_peak.c && ./fma_peak
 */
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

/* independent accumulators, more than FMA latency x pipes so no FMA waits, few enough to stay in
   registers (AVX2 has 16, AVX-512 32) */
#define CHAINS256 12
#define CHAINS512 16
#define STEPS 2000000L /* FMAs per chain and round */

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static volatile float sink;

__attribute__((target("avx2,fma"))) static void *fma256(void *arg) {
    (void) arg;
    __m256 acc[CHAINS256], x = _mm256_set1_ps(0.999999f), y = _mm256_set1_ps(1e-7f);
    for (int c = 0; c < CHAINS256; c++) acc[c] = _mm256_set1_ps((float) c);
    for (long s = 0; s < STEPS; s++) {
#pragma GCC unroll 12
        for (int c = 0; c < CHAINS256; c++) acc[c] = _mm256_fmadd_ps(acc[c], x, y);
    }
    float out[8], sum = 0;
    for (int c = 0; c < CHAINS256; c++) {
        _mm256_storeu_ps(out, acc[c]);
        sum += out[0];
    }
    sink = sum;
    return NULL;
}

__attribute__((target("avx512f"))) static void *fma512(void *arg) {
    (void) arg;
    __m512 acc[CHAINS512], x = _mm512_set1_ps(0.999999f), y = _mm512_set1_ps(1e-7f);
    for (int c = 0; c < CHAINS512; c++) acc[c] = _mm512_set1_ps((float) c);
    for (long s = 0; s < STEPS; s++) {
#pragma GCC unroll 16
        for (int c = 0; c < CHAINS512; c++) acc[c] = _mm512_fmadd_ps(acc[c], x, y);
    }
    float out[16], sum = 0;
    for (int c = 0; c < CHAINS512; c++) {
        _mm512_storeu_ps(out, acc[c]);
        sum += out[0];
    }
    sink = sum;
    return NULL;
}

static void measure(const char *name, void *(*kernel)(void *), int lanes, int chains, int threads) {
    double best = 0;
    for (int round = 0; round < 20; round++) {
        pthread_t t[2];
        double t0 = now();
        for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, kernel, NULL);
        for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
        double gflops = 2.0 * lanes * chains * STEPS * threads / (now() - t0) / 1e9;
        if (gflops > best) best = gflops;
    }
    printf("%s threads %d: %.1f GFLOP/s\n", name, threads, best);
}

int main(void) {
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma")) {
        printf("no AVX2 + FMA3 on this CPU\n");
        return 0;
    }
    for (int threads = 1; threads <= 2; threads++) measure("avx2 (8 floats)", fma256, 8, CHAINS256, threads);
    if (__builtin_cpu_supports("avx512f")) {
        for (int threads = 1; threads <= 2; threads++) measure("avx512 (16 floats)", fma512, 16, CHAINS512, threads);
    }
    return 0;
}
