#!/usr/bin/env python3
"""PyTorch's float32 matrix products at the shapes of neurona-bench's GemmBench, as numpy_sgemm.py
measures numpy's: the reference the issue compares neurona's kernels with, on the same machine.

  /usr/bin/python3 bench/pytorch_sgemm.py --threads 1
  /usr/bin/python3 bench/pytorch_sgemm.py --threads 2

Prints one line per shape: variant, m, n, k, GFLOP/s (2 m n k / best time of many calls; the
best of 7 rounds of calls lasting >= 0.2 s each) and the BLAS PyTorch was built with.
NT is a @ b.T with b stored (n, k); TN is a.T @ b with a stored (k, m); NN is a @ b.
The result goes into a preallocated tensor (out=), as neurona's kernels do.
"""
import argparse
import re
import time

import torch

ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1)
args = ap.parse_args()
torch.set_num_threads(args.threads)

SHAPES = ["nt:128x256x784", "nt:128x128x256", "nt:128x10x128",
          "tn:256x784x128", "tn:128x256x128", "tn:10x128x128",
          "nn:128x784x256", "nn:128x256x128", "nn:128x128x10",
          "nt:32x64x784", "tn:64x784x32", "nt:32x10x64", "nt:1x3x2"]

blas = "unknown"
found = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
if found:
    blas = found.group(1)
print(f"# torch {torch.__version__}, BLAS_INFO={blas}, threads {torch.get_num_threads()}")
gen = torch.Generator().manual_seed(42)
with torch.no_grad():
    for s in SHAPES:
        var, dims = s.split(":")
        m, n, k = map(int, dims.split("x"))
        if var == "nt":
            a = torch.rand(m, k, generator=gen) * 2 - 1; b = torch.rand(n, k, generator=gen) * 2 - 1
            fn = lambda: torch.matmul(a, b.t(), out=c)
        elif var == "tn":
            a = torch.rand(k, m, generator=gen) * 2 - 1; b = torch.rand(k, n, generator=gen) * 2 - 1
            fn = lambda: torch.matmul(a.t(), b, out=c)
        else:
            a = torch.rand(m, k, generator=gen) * 2 - 1; b = torch.rand(k, n, generator=gen) * 2 - 1
            fn = lambda: torch.matmul(a, b, out=c)
        c = torch.zeros(m, n)
        reps = 1
        while True:  # calls per round: enough for 0.2 s
            t0 = time.perf_counter()
            for _ in range(reps):
                fn()
            if time.perf_counter() - t0 >= 0.2:
                break
            reps *= 2
        best = float("inf")
        for _ in range(7):
            t0 = time.perf_counter()
            for _ in range(reps):
                fn()
            best = min(best, (time.perf_counter() - t0) / reps)
        print(f"{var} {m} {n} {k} {2.0 * m * n * k / best / 1e9:.2f} GFLOP/s {best * 1e6:.3f} us/call")
