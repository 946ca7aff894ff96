#!/usr/bin/env python3
"""The machine's practical float32 GEMM speed: numpy's matmul (OpenBLAS sgemm) at the shapes of
neurona-bench's GemmBench, for comparison with neurona's kernels.

  python3 bench/numpy_sgemm.py --threads 1
  python3 bench/numpy_sgemm.py --threads 2

Prints one line per shape: variant, m, n, k, GFLOP/s (2 m n k / best time of many calls; the
best of 7 rounds of calls lasting >= 0.2 s each) and the BLAS numpy uses.
NT is a @ b.T with b stored (n, k); TN is a.T @ b with a stored (k, m); NN is a @ b.
The result goes into a preallocated array (out=), as neurona's kernels do.
"""
import argparse, os

from sgemm_timing import best_seconds, report, shapes

ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1)
args = ap.parse_args()
for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = str(args.threads)

import numpy as np  # after the thread variables: OpenBLAS reads them when it loads

rng = np.random.default_rng(42)
blas = "unknown"
try:
    cfg = np.show_config(mode="dicts")
    blas = cfg["Build Dependencies"]["blas"]["name"] + " " + cfg["Build Dependencies"]["blas"].get("version", "")
except Exception:
    pass
print(f"# numpy {np.__version__}, BLAS {blas}, threads {args.threads}")
for var, m, n, k in shapes():
    f32 = np.float32
    if var == "nt":
        a = rng.uniform(-1, 1, (m, k)).astype(f32); b = rng.uniform(-1, 1, (n, k)).astype(f32)
        fn = lambda: np.matmul(a, b.T, out=c)
    elif var == "tn":
        a = rng.uniform(-1, 1, (k, m)).astype(f32); b = rng.uniform(-1, 1, (k, n)).astype(f32)
        fn = lambda: np.matmul(a.T, b, out=c)
    else:
        a = rng.uniform(-1, 1, (m, k)).astype(f32); b = rng.uniform(-1, 1, (k, n)).astype(f32)
        fn = lambda: np.matmul(a, b, out=c)
    c = np.zeros((m, n), f32)
    report(var, m, n, k, best_seconds(fn))
