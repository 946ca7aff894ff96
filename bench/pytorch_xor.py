#!/usr/bin/env python3
"""Reference timing: XOR 2:3:1 online backpropagation in PyTorch, written the way PyTorch users write it.

  /usr/bin/python3 bench/pytorch_xor.py [--seeds 100] [--epochs 2000] [--threads 1]

2:3:1, logistic hidden and output, SSE (1/2 sum of squares), online (one update per pattern, the
four patterns in order), SGD lr 0.5 momentum 0.9, 2000 epochs, for seeds 1..100 in one process.
Initial weights uniform(-1, 1) like neurona's default for small layers. Timed twice: cold (the
first seed) and warm (seeds 2..N, after the first: there is no JIT to wait for). At about 1 ms
per epoch here, 100 seeds take over half an hour; bench/compare.sh runs 5 (the time per epoch
does not depend on the number of seeds).
Prints one JSON line: workload, per_epoch_s (warm), warm_us_per_epoch, cold_us_per_epoch,
train_s, final_sse_median, solved (final SSE < 0.01), threads.
"""
import argparse, json, os, statistics, time

ap = argparse.ArgumentParser()
ap.add_argument("--seeds", type=int, default=100)
ap.add_argument("--epochs", type=int, default=2000)
ap.add_argument("--threads", type=int, default=1)
args = ap.parse_args()
for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = str(args.threads)

import torch
from torch import nn

torch.set_num_threads(args.threads)
X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
Y = torch.tensor([[0.], [1.], [1.], [0.]])


def run(seed, epochs):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 1), nn.Sigmoid())
    with torch.no_grad():
        for p in model.parameters():
            p.uniform_(-1, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
    for _ in range(epochs):
        sse = 0.0
        for i in range(4):
            opt.zero_grad()
            loss = 0.5 * ((model(X[i]) - Y[i]) ** 2).sum()
            loss.backward()
            opt.step()
            sse += loss.item()
    return sse


t0 = time.perf_counter()
sse = [run(1, args.epochs)]
cold = time.perf_counter() - t0
t1 = time.perf_counter()
sse += [run(s, args.epochs) for s in range(2, args.seeds + 1)]
warm = time.perf_counter() - t1
per = warm / (max(args.seeds - 1, 1) * args.epochs)
print(json.dumps({"system": "pytorch " + torch.__version__, "workload": "xor", "per_epoch_s": per,
                  "warm_us_per_epoch": per * 1e6, "cold_us_per_epoch": cold / args.epochs * 1e6,
                  "train_s": warm, "seeds": args.seeds, "epochs": args.epochs,
                  "final_sse_median": statistics.median(sse), "solved": sum(1 for e in sse if e < 0.01),
                  "threads": args.threads}))
