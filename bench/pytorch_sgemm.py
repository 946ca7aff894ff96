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

import torch

from sgemm_timing import best_seconds, report, shapes

ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1)
args = ap.parse_args()
torch.set_num_threads(args.threads)

blas = "unknown"
found = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
if found:
    blas = found.group(1)
print(f"# torch {torch.__version__}, BLAS_INFO={blas}, threads {torch.get_num_threads()}")
gen = torch.Generator().manual_seed(42)
with torch.no_grad():
    for var, m, n, k in shapes():
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
        report(var, m, n, k, best_seconds(fn))
