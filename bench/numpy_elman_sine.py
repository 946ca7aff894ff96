#!/usr/bin/env python3
"""Reference timing: the Elman sine forecaster of docs/RECURRENT.md in numpy, written the way a numpy
user writes it (a loop over the time steps only; the input projection, the output layer and the
weight gradients are one matrix product over the window each).

  python3 bench/numpy_elman_sine.py [--epochs 50] [--threads 1] [--seed 1]

As bench/pytorch_elman_sine.py: series x_t = sin(0.2 t) + 0.5 sin(0.311 t), t = 0..1999,
z-scored with the mean and standard deviation (ddof 0) of t < 1600; predict x_(t+1) from x_t.
Elman 1:16:1, tanh hidden with one bias per unit, linear output; truncated BPTT over windows of
20 steps with the context carried from window to window (the gradient cut at the window's start),
loss 1/2 sum of squares over the window (neurona's SSE), SGD lr 0.01 momentum 0.9 in PyTorch's
form, 50 epochs, trained on the 1599 one-step pairs of t < 1600. Init as nn.RNN(1, 16) and
nn.Linear(16, 1): every weight and bias U(-1/4, 1/4) (numpy's PCG64: not the same numbers).
Test: one pass over the whole series from a zero state, MSE of the one-step predictions for
t >= 1600 in series units.
  z_t = x_t Wx + h_(t-1) Wc + b_h, h_t = tanh(z_t), y_t = h_t Wy + b_y   (row vectors; Wx (1, 16),
  Wc (16, 16), Wy (16, 1))
Prints one JSON line: system, workload, epoch_seconds, per_epoch_s (median after the first),
train_s, per_epoch_cpu_s (the same in CPU time), test_mse, train_mse, epoch_sse, threads.
"""
import argparse, json, os, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy_common as common  # noqa: E402  (imports no numpy)

ap = argparse.ArgumentParser()
ap.add_argument("--epochs", type=int, default=50)
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--seed", type=int, default=1)
args = ap.parse_args()
np = common.load_numpy(args.threads)
f32 = np.float32

T, split, window, H = 2000, 1600, 20, 16
t_ = np.arange(T, dtype=np.float64)
raw = (np.sin(0.2 * t_) + 0.5 * np.sin(0.311 * t_)).astype(f32)
mean, std = raw[:split].mean(), raw[:split].std()
u = (raw - mean) / std
pairs = split - 1
x_train = u[:pairs].reshape(-1, 1)
y_train = u[1:split].reshape(-1, 1)

rng = np.random.default_rng(args.seed)
r = 1 / np.sqrt(H)
Wx, Wc, bh = (rng.uniform(-r, r, s).astype(f32) for s in ((1, H), (H, H), H))
Wy, by = (rng.uniform(-r, r, s).astype(f32) for s in ((H, 1), 1))
opt = common.Sgd([Wx, Wc, bh, Wy, by], lr=0.01, momentum=0.9)


def run(xs, h):
    """Forward over the steps of xs (k, 1) from the context h (H,): the states h_0..h_k (k+1, H) and y (k, 1)."""
    hs = np.empty((len(xs) + 1, H), f32)
    hs[0] = h
    zx = xs @ Wx + bh
    for t in range(len(xs)):
        hs[t + 1] = np.tanh(zx[t] + hs[t] @ Wc)
    return hs, hs[1:] @ Wy + by


def window_grads(xs, ys, h):
    """Loss, gradients (Wx, Wc, bh, Wy, by) and last state of one window, BPTT cut at its start."""
    hs, y = run(xs, h)
    dy = y - ys
    loss = 0.5 * float(np.einsum("ij,ij->", dy, dy))
    dh = dy @ Wy.T
    dz = np.empty_like(dh)
    gamma = np.zeros(H, f32)  # dE/dh_t through the context, from the step after t
    for t in range(len(xs) - 1, -1, -1):
        dz[t] = (dh[t] + gamma) * (1 - hs[t + 1] * hs[t + 1])
        gamma = Wc @ dz[t]
    return loss, [xs.T @ dz, hs[:-1].T @ dz, dz.sum(axis=0), hs[1:].T @ dy, dy.sum(axis=0)], hs[-1]


times, cpu, losses = [], [], []
for _ in range(args.epochs):
    t0, c0 = time.perf_counter(), time.process_time()
    h = np.zeros(H, f32)
    total = 0.0
    for s in range(0, pairs, window):
        e = min(s + window, pairs)
        loss, grads, h = window_grads(x_train[s:e], y_train[s:e], h)
        opt.step(grads)
        total += loss
    times.append(time.perf_counter() - t0)
    cpu.append(time.process_time() - c0)
    losses.append(total)

_, y = run(u[:T - 1].reshape(-1, 1), np.zeros(H, f32))
pred = y.reshape(-1) * std + mean
err = (pred - raw[1:]).astype(np.float64) ** 2
print(json.dumps({"system": common.system(np), "workload": "elman-sine",
                  "epoch_seconds": [round(t, 4) for t in times], "per_epoch_s": statistics.median(times[1:]),
                  "train_s": sum(times), "per_epoch_cpu_s": statistics.median(cpu[1:]), "test_mse": float(err[pairs:].mean()), "train_mse": float(err[:pairs].mean()),
                  "epoch_sse": [float("{:.4g}".format(v)) for v in losses], "threads": args.threads}))
