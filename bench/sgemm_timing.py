"""What numpy_sgemm.py and pytorch_sgemm.py share: the shapes of neurona-bench's GemmBench and how
a product is timed (the best of 7 rounds of calls lasting >= 0.2 s each). Standard library only,
so either python may import it.
"""
import time

SHAPES = ["nt:128x256x784", "nt:128x128x256", "nt:128x10x128",
          "tn:256x784x128", "tn:128x256x128", "tn:10x128x128",
          "nn:128x784x256", "nn:128x256x128", "nn:128x128x10",
          "nt:32x64x784", "tn:64x784x32", "nt:32x10x64", "nt:1x3x2"]


def shapes():
    """(variant, m, n, k) for each shape."""
    for s in SHAPES:
        var, dims = s.split(":")
        m, n, k = map(int, dims.split("x"))
        yield var, m, n, k


def best_seconds(fn):
    """The best time of one call of fn: calls per round doubled until a round lasts 0.2 s, then 7 rounds."""
    reps = 1
    while True:
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
    return best


def report(var, m, n, k, seconds):
    """One result line: variant, m, n, k, GFLOP/s, microseconds per call."""
    print(f"{var} {m} {n} {k} {2.0 * m * n * k / seconds / 1e9:.2f} GFLOP/s {seconds * 1e6:.3f} us/call")
