/*
 * The xor workload of docs/PERFORMANCE.md written the way a C program for online backpropagation
 * is usually written: any layer sizes (read at run time), plain loops, no unrolling by hand.
 * 2:3:1 logistic, SSE, online (one update per pattern, patterns in order), eta 0.5, momentum 0.9,
 * 2000 epochs, initial weights and biases U(-1, 1), seeds 1..SEEDS; cold = the first seed, warm =
 * the median of 5 passes over all seeds after a first pass. Prints one JSON line.
 *
 *   gcc -O2 -o xor_online bench/c/xor_online.c -lm               # double, exp()
 *   gcc -O2 -DREAL=float -o xor_online_f bench/c/xor_online.c -lm # float, expf()
 *   ./xor_online [SEEDS]
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef REAL
#define REAL double
#endif
#define MAXL 4
#define MAXU 16

typedef REAL real;

static real sigmoid(real z) {
    if (sizeof(real) == sizeof(float)) {
        float e = expf(-fabsf((float) z));
        return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }
    double e = exp(-fabs((double) z));
    return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

typedef struct {
    int layers, size[MAXL + 1];
    real w[MAXL][MAXU * MAXU], b[MAXL][MAXU], vw[MAXL][MAXU * MAXU], vb[MAXL][MAXU];
    real a[MAXL + 1][MAXU], d[MAXL + 1][MAXU];
} net_t;

static uint64_t rng_state;
static double uniform(void) { /* xorshift64*, in [0, 1) */
    rng_state ^= rng_state >> 12; rng_state ^= rng_state << 25; rng_state ^= rng_state >> 27;
    return (double) ((rng_state * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static void init(net_t *n, int layers, const int *size, uint64_t seed) {
    memset(n, 0, sizeof *n);
    n->layers = layers;
    memcpy(n->size, size, (layers + 1) * sizeof(int));
    rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
    for (int l = 0; l < layers; l++) {
        for (int k = 0; k < size[l] * size[l + 1]; k++) n->w[l][k] = (real) (2 * uniform() - 1);
        for (int o = 0; o < size[l + 1]; o++) n->b[l][o] = (real) (2 * uniform() - 1);
    }
}

/* one epoch over the patterns in order; returns the SSE */
static double epoch(net_t *n, const real *x, const real *y, int patterns, real eta, real alpha) {
    int L = n->layers;
    double sse = 0;
    for (int p = 0; p < patterns; p++) {
        const real *in = x + p * n->size[0];
        for (int i = 0; i < n->size[0]; i++) n->a[0][i] = in[i];
        for (int l = 0; l < L; l++) {
            int I = n->size[l], O = n->size[l + 1];
            for (int o = 0; o < O; o++) {
                real s = n->b[l][o];
                for (int i = 0; i < I; i++) s += n->w[l][o * I + i] * n->a[l][i];
                n->a[l + 1][o] = sigmoid(s);
            }
        }
        int out = n->size[L];
        for (int o = 0; o < out; o++) {
            real a = n->a[L][o], e = a - y[p * out + o];
            sse += 0.5 * e * e;
            n->d[L][o] = e * a * (1 - a);
        }
        for (int l = L - 1; l >= 0; l--) {
            int I = n->size[l], O = n->size[l + 1];
            if (l > 0) {
                for (int i = 0; i < I; i++) {
                    real s = 0;
                    for (int o = 0; o < O; o++) s += n->d[l + 1][o] * n->w[l][o * I + i];
                    n->d[l][i] = s * n->a[l][i] * (1 - n->a[l][i]);
                }
            }
            for (int o = 0; o < O; o++) {
                real dz = n->d[l + 1][o];
                for (int i = 0; i < I; i++) {
                    real dw = alpha * n->vw[l][o * I + i] - eta * dz * n->a[l][i];
                    n->vw[l][o * I + i] = dw;
                    n->w[l][o * I + i] += dw;
                }
                real db = alpha * n->vb[l][o] - eta * dz;
                n->vb[l][o] = db;
                n->b[l][o] += db;
            }
        }
    }
    return sse;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int seeds = argc > 1 ? atoi(argv[1]) : 100, epochs = 2000;
    static const real x[] = {0, 0, 0, 1, 1, 0, 1, 1}, y[] = {0, 1, 1, 0};
    static const int size[] = {2, 3, 1};
    static net_t net;
    double *sse = calloc(seeds, sizeof(double)), passes[5];
    double t0 = now(), cold = 0;
    for (int pass = -1; pass < 5; pass++) {
        double t1 = now();
        for (int s = 1; s <= seeds; s++) {
            init(&net, 2, size, s);
            for (int e = 0; e < epochs; e++) sse[s - 1] = epoch(&net, x, y, 4, (real) 0.5, (real) 0.9);
            if (pass < 0 && s == 1) cold = (now() - t0) * 1e6 / epochs;
        }
        if (pass >= 0) passes[pass] = now() - t1;
    }
    int solved = 0;
    for (int s = 0; s < seeds; s++) solved += sse[s] < 0.01;
    qsort(passes, 5, sizeof(double), cmp);
    printf("{\"system\":\"c gcc -O2 (%s)\",\"workload\":\"xor\",\"per_epoch_s\":%.4g,\"warm_us_per_epoch\":%.4f,"
           "\"cold_us_per_epoch\":%.4f,\"seeds\":%d,\"epochs\":%d,\"solved\":%d}\n",
           sizeof(real) == sizeof(float) ? "float, expf" : "double, exp", passes[2] / ((double) seeds * epochs),
           passes[2] * 1e6 / ((double) seeds * epochs), cold, seeds, epochs, solved);
    return 0;
}
