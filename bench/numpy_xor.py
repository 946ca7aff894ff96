#!/usr/bin/env python3
"""Reference timing: XOR 2:3:1 online backpropagation in numpy, written the way a numpy user writes
it (one vector-matrix product per layer and pattern, float32 arrays, no loop over units).

  python3 bench/numpy_xor.py [--seeds 100] [--epochs 2000] [--threads 1]

As bench/pytorch_xor.py: 2:3:1, logistic hidden and output, SSE (1/2 sum of squares), online (one
update per pattern, the four patterns in order), SGD lr 0.5 momentum 0.9 in PyTorch's form
(v = mu v + g, w -= lr v), 2000 epochs, seeds 1..N in one process, all weights and biases
uniform(-1, 1) (numpy's PCG64 seeded with the seed: not the same numbers as PyTorch's or
neurona's). Cold: the first seed; warm: seeds 2..N (there is no JIT to wait for).
Prints one JSON line: system, workload, per_epoch_s (warm), warm_us_per_epoch,
warm_cpu_us_per_epoch (the same in CPU time), cold_us_per_epoch,
train_s, final_sse_median, solved (final SSE < 0.01), threads.
"""
import argparse, json, os, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy_common as common  # noqa: E402  (imports no numpy)

ap = argparse.ArgumentParser()
ap.add_argument("--seeds", type=int, default=100)
ap.add_argument("--epochs", type=int, default=2000)
ap.add_argument("--threads", type=int, default=1)
args = ap.parse_args()
np = common.load_numpy(args.threads)
f32 = np.float32

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], f32)
Y = np.array([[0], [1], [1], [0]], f32)


def logistic(z):
    return 1 / (1 + np.exp(-z))


def run(seed, epochs):
    rng = np.random.default_rng(seed)
    W1, b1 = rng.uniform(-1, 1, (2, 3)).astype(f32), rng.uniform(-1, 1, 3).astype(f32)
    W2, b2 = rng.uniform(-1, 1, (3, 1)).astype(f32), rng.uniform(-1, 1, 1).astype(f32)
    opt = common.Sgd([W1, b1, W2, b2], lr=0.5, momentum=0.9)
    sse = 0.0
    for _ in range(epochs):
        sse = 0.0
        for x, t in zip(X, Y):
            h = logistic(x @ W1 + b1)
            y = logistic(h @ W2 + b2)
            e = y - t
            sse += 0.5 * float(e @ e)
            dy = e * y * (1 - y)
            dh = (W2 @ dy) * h * (1 - h)
            opt.step([np.outer(x, dh), dh, np.outer(h, dy), dy])
    return sse


t0 = time.perf_counter()
sse = [run(1, args.epochs)]
cold = time.perf_counter() - t0
t1, c1 = time.perf_counter(), time.process_time()
sse += [run(s, args.epochs) for s in range(2, args.seeds + 1)]
warm, warm_cpu = time.perf_counter() - t1, time.process_time() - c1
per = warm / (max(args.seeds - 1, 1) * args.epochs) if args.seeds > 1 else cold / args.epochs
print(json.dumps({"system": common.system(np), "workload": "xor", "per_epoch_s": per,
                  "warm_us_per_epoch": per * 1e6,
                  "warm_cpu_us_per_epoch": warm_cpu / (max(args.seeds - 1, 1) * args.epochs) * 1e6 if args.seeds > 1 else None,
                  "cold_us_per_epoch": cold / args.epochs * 1e6,
                  "train_s": warm, "seeds": args.seeds, "epochs": args.epochs,
                  "final_sse_median": statistics.median(sse), "solved": sum(1 for e in sse if e < 0.01),
                  "threads": args.threads}))
