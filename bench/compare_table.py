#!/usr/bin/env python3
"""Prints the neurona vs PyTorch vs numpy (vs C for xor) table from the JSON lines bench/compare.sh writes.

  python3 bench/compare_table.py bench/results/compare-<time>.jsonl
"""
import json, sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]


def metric(d):
    for k, fmt in (("test_accuracy", "acc {:.4f}"), ("test_mse", "test MSE {:.2e}"), ("final_sse_median", "SSE {:.1e}")):
        if k in d:
            extra = " solved {}/{}".format(d["solved"], d["seeds"]) if k == "final_sse_median" else ""
            return fmt.format(d[k]) + extra
    return "-"


def per_epoch(d):
    if "warm_us_per_epoch" in d:
        return "{:.3f} us warm, {:.1f} us cold".format(d["warm_us_per_epoch"], d["cold_us_per_epoch"])
    return "{:.4f} s".format(d["per_epoch_s"])


print("| workload | system | per epoch | train s | quality | threads | load before/after |")
print("|---|---|---:|---:|---|---:|---|")
by = {}
for d in rows:
    by.setdefault(d["workload"], {})[d.get("system", "?").split()[0]] = d
    print("| {} | {} | {} | {:.2f} | {} | {} | {}/{} |".format(
        d["workload"], d.get("system", "?"), per_epoch(d), d.get("train_s", sum(d.get("epoch_seconds", [0]))),
        metric(d), d.get("threads", "?"), d["load_before"], d["load_after"]))
print()
for w, s in by.items():
    for other, name in (("pytorch", "PyTorch"), ("numpy", "numpy"), ("c-double", "C (double)"), ("c-float", "C (float)")):
        if "neurona" in s and other in s:
            print("{}: {} / neurona per epoch = {:.1f}x".format(w, name, s[other]["per_epoch_s"] / s["neurona"]["per_epoch_s"]))
