#!/usr/bin/env python3
"""Reference timing: the Elman sine forecaster of docs/RECURRENT.md in PyTorch.

  /usr/bin/python3 bench/pytorch_elman_sine.py [--epochs 50] [--threads 1] [--seed 1]

Series x_t = sin(0.2 t) + 0.5 sin(0.311 t), t = 0..1999, z-scored with the mean and standard
deviation of t < 1600; predict x_(t+1) from x_t. nn.RNN 1:16 tanh + nn.Linear(16, 1), truncated
BPTT over windows of 20 steps with the hidden state carried (detached) from window to window,
loss 1/2 sum of squares over the window (neurona's SSE), SGD lr 0.01 momentum 0.9, 50 epochs,
trained on the 1599 one-step pairs of t < 1600. The Elman net has one bias per hidden unit;
nn.RNN has two (b_ih + b_hh, each initialised U(-1/4, 1/4)), so b_hh is zeroed and frozen to make
the nets the same. With both biases trained (--rnn-biases 2) seed 1 diverges at this learning rate
(training SSE 5000, then 18000 per epoch, measured); with one it trains (0.067 after 10 epochs). Test: one pass over the whole series from a zero
state, MSE of the one-step predictions for t >= 1600 in series units.
Prints one JSON line: workload, epoch_seconds, per_epoch_s (median after the first), train_s,
test_mse, train_mse, threads.
"""
import argparse, json, math, os, statistics, time

ap = argparse.ArgumentParser()
ap.add_argument("--epochs", type=int, default=50)
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--rnn-biases", type=int, choices=[1, 2], default=1,
                help="1: b_hh zeroed and frozen, one bias per hidden unit as in the Elman net (default); 2: nn.RNN's own two")
args = ap.parse_args()
for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = str(args.threads)

import torch
from torch import nn

torch.set_num_threads(args.threads)
torch.manual_seed(args.seed)
T, split, window = 2000, 1600, 20
raw = torch.tensor([math.sin(0.2 * t) + 0.5 * math.sin(0.311 * t) for t in range(T)], dtype=torch.float32)
mean, std = raw[:split].mean(), raw[:split].std(unbiased=False)
u = (raw - mean) / std
pairs = split - 1
x_train = u[:pairs].view(1, pairs, 1)
y_train = u[1:split].view(1, pairs, 1)


class Elman(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(1, 16, nonlinearity="tanh", batch_first=True)
        self.out = nn.Linear(16, 1)

    def forward(self, x, h):
        y, h = self.rnn(x, h)
        return self.out(y), h


model = Elman()
if args.rnn_biases == 1:
    with torch.no_grad():
        model.rnn.bias_hh_l0.zero_()
    model.rnn.bias_hh_l0.requires_grad_(False)
opt = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.01, momentum=0.9)
times = []
for _ in range(args.epochs):
    t0 = time.perf_counter()
    h = torch.zeros(1, 1, 16)
    for s in range(0, pairs, window):
        e = min(s + window, pairs)
        opt.zero_grad()
        y, h = model(x_train[:, s:e], h)
        loss = 0.5 * ((y - y_train[:, s:e]) ** 2).sum()
        loss.backward()
        opt.step()
        h = h.detach()
    times.append(time.perf_counter() - t0)

with torch.no_grad():
    y, _ = model(u[:T - 1].view(1, T - 1, 1), torch.zeros(1, 1, 16))
    pred = y.view(-1) * std + mean
    err = (pred - raw[1:]) ** 2
    train_mse, test_mse = float(err[:pairs].mean()), float(err[pairs:].mean())
print(json.dumps({"system": "pytorch " + torch.__version__, "workload": "elman-sine",
                  "epoch_seconds": [round(t, 4) for t in times], "per_epoch_s": statistics.median(times[1:]),
                  "train_s": sum(times), "test_mse": test_mse, "train_mse": train_mse, "threads": args.threads}))
