#!/usr/bin/env python3
"""Prints GFLOP/s for the GEMM rows of a JMH JSON result: 2 m n k x (ops/s) / 1e9.

  python3 bench/gflops.py bench/results/jmh-....json
Rows without a `shape` parameter of the form variant:MxNxK are skipped.
"""
import json, re, sys

rows = json.load(open(sys.argv[1]))
print(f"{'benchmark':<34} {'shape':<16} {'thr':>3} {'kernel':<7} {'GFLOP/s':>8} {'+-':>6}  {'us/call':>9}")
for r in rows:
    p = r.get("params", {})
    m = re.fullmatch(r"(\w+):(\d+)x(\d+)x(\d+)", p.get("shape", ""))
    if not m:
        continue
    flops = 2.0 * int(m.group(2)) * int(m.group(3)) * int(m.group(4))
    pm = r["primaryMetric"]
    if pm["scoreUnit"] != "ops/s":
        continue
    score = float(pm["score"])
    try:
        err = float(pm.get("scoreError") or 0.0)
    except ValueError:  # "NaN" when there are too few iterations
        err = 0.0
    if err != err:
        err = 0.0
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    print(f"{name:<34} {p['shape']:<16} {p.get('threads', '1'):>3} {p.get('kernel', '-'):<7} "
          f"{score * flops / 1e9:8.2f} {err * flops / 1e9:6.2f}  {1e6 / score:9.3f}")
