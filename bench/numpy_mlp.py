#!/usr/bin/env python3
"""Reference timing: the Fashion-MNIST MLP workloads in numpy, written the way a numpy user writes
them (float32 arrays, one matrix product per layer and batch, hand-written backward pass).

  python3 bench/numpy_mlp.py [--workload relu|lecture] [--threads 2] [--data DIR] [--init torch|glorot]
  python3 bench/numpy_mlp.py --workload relu --limit 6000 --epochs 2      # a short check

Use a numpy on OpenBLAS: here the pyenv python3 first on PATH (numpy 2.4.6, scipy-openblas 0.3.31);
Debian's /usr/bin/python3 has numpy 1.24.2 on the reference BLAS, many times slower at GEMM.

relu    : 784-256-128-10, ReLU, softmax + cross-entropy (mean over the batch), SGD lr 0.05
          momentum 0.9, mini-batch 128, reshuffled each epoch, 5 epochs, float32
lecture : 784-64-10, logistic hidden and output, SSE (1/2 sum per pattern, mean over the batch)
          on one-hot targets, SGD lr 0.05 momentum 0.9, mini-batch 32, 3 epochs, float32
Both as bench/pytorch_fmnist_mlp.py: the last mini-batch of an epoch is the remainder (60,000 =
468 x 128 + 96), momentum in PyTorch's form (v = mu v + g, w -= lr v), the epoch time includes
the permutation and the gathering of each batch, not the test evaluation.
Init: --init torch (default) is nn.Linear's: W and b ~ U(-1/sqrt(I), 1/sqrt(I)) (kaiming_uniform_
with a = sqrt(5)); --init glorot is neurona's for these layers: W ~ U(-s, s), s = sqrt(6 / (I + O)),
b = 0. Same distributions, not the same random numbers (numpy's PCG64, seeded with --seed).
Weights are stored (I, O), so a layer is a @ W + b.
Threads: OpenBLAS splits each product over its threads, which then wait for one another at the
end of it. With the lecture's 32-row batches that costs more than it gains even when both cores
are free, and whenever another process holds a core every product waits for it (epochs 10x
slower and erratic, with the CPU time about the wall time): compare with --threads 1, and
read the load average.
Prints one JSON line: system, workload, threads, epoch_seconds (training only), per_epoch_s
(median of epochs after the first), train_s, epoch_cpu_seconds (CPU time of the process, all
threads), test_accuracy, train_loss (mean per epoch).
"""
import argparse, json, os, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy_common as common  # noqa: E402  (imports no numpy)

ap = argparse.ArgumentParser()
ap.add_argument("--workload", choices=["relu", "lecture"], default="relu")
ap.add_argument("--threads", type=int, default=2)
ap.add_argument("--data", default=None)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--init", choices=["torch", "glorot"], default="torch")
ap.add_argument("--epochs", type=int, default=0, help="0: the workload's (5 relu, 3 lecture)")
ap.add_argument("--limit", type=int, default=0, help="train on the first N images only (0: all 60,000)")
args = ap.parse_args()
np = common.load_numpy(args.threads)  # before anything else imports numpy: OpenBLAS reads the thread count once
f32 = np.float32

d = common.data_dir(args.data)
Xtr = common.idx(np, os.path.join(d, "train-images-idx3-ubyte.gz")).reshape(-1, 784).astype(f32) / f32(255)
ytr = common.idx(np, os.path.join(d, "train-labels-idx1-ubyte.gz")).astype(np.int64)
Xte = common.idx(np, os.path.join(d, "t10k-images-idx3-ubyte.gz")).reshape(-1, 784).astype(f32) / f32(255)
yte = common.idx(np, os.path.join(d, "t10k-labels-idx1-ubyte.gz")).astype(np.int64)
if args.limit:
    Xtr, ytr = Xtr[:args.limit], ytr[:args.limit]

if args.workload == "relu":
    sizes, hidden, batch, epochs = [784, 256, 128, 10], "relu", 128, 5
else:
    sizes, hidden, batch, epochs = [784, 64, 10], "logistic", 32, 3
    onehot = np.eye(10, dtype=f32)[ytr]
epochs = args.epochs or epochs

rng = np.random.default_rng(args.seed)
Ws, bs = [], []
for i, o in zip(sizes[:-1], sizes[1:]):
    if args.init == "torch":
        r = 1 / np.sqrt(i)
        Ws.append(rng.uniform(-r, r, (i, o)).astype(f32))
        bs.append(rng.uniform(-r, r, o).astype(f32))
    else:
        r = np.sqrt(6 / (i + o))
        Ws.append(rng.uniform(-r, r, (i, o)).astype(f32))
        bs.append(np.zeros(o, f32))
opt = common.Sgd(Ws + bs, lr=0.05, momentum=0.9)
L = len(Ws)


def forward(x):
    """The activations of every layer, x first. relu: the last entry is the logits (softmax is in the loss)."""
    acts = [x]
    for l in range(L):
        z = acts[-1] @ Ws[l]
        z += bs[l]
        if hidden == "logistic":
            common.logistic_(np, z)
        elif l < L - 1:
            np.maximum(z, 0, out=z)
        acts.append(z)
    return acts


def output_delta(out, i):
    """dE/dz of the output layer for the batch rows i, and the batch's loss."""
    n = len(i)
    if hidden == "relu":  # softmax + cross-entropy: (p - onehot) / B
        p = out - out.max(axis=1, keepdims=True)
        np.exp(p, out=p)
        p /= p.sum(axis=1, keepdims=True)
        rows, y = np.arange(n), ytr[i]
        loss = -np.log(p[rows, y]).mean()
        p[rows, y] -= 1
        p /= n
        return p, loss
    e = out - onehot[i]  # logistic output, E = 1/(2B) sum (y - t)^2: dE/dz = (y - t) y (1 - y) / B
    loss = 0.5 * np.einsum("ij,ij->", e, e) / n
    e *= out
    e *= 1 - out
    e /= n
    return e, loss


def backward(acts, delta):
    """Gradients of W and b, layer by layer from the output down (no gradient for the input)."""
    gW, gb = [None] * L, [None] * L
    for l in range(L - 1, -1, -1):
        gW[l] = acts[l].T @ delta
        gb[l] = delta.sum(axis=0)
        if l > 0:
            a = acts[l]
            delta = delta @ Ws[l].T
            if hidden == "relu":
                delta *= a > 0
            else:
                delta *= a * (1 - a)
    return gW + gb


n = Xtr.shape[0]
times, cpu, losses = [], [], []
for _ in range(epochs):
    t0, c0 = time.perf_counter(), time.process_time()
    perm = rng.permutation(n)
    total = 0.0
    for s in range(0, n, batch):
        i = perm[s:s + batch]
        acts = forward(Xtr[i])
        delta, loss = output_delta(acts[-1], i)
        opt.step(backward(acts, delta))
        total += float(loss) * len(i)
    times.append(time.perf_counter() - t0)
    cpu.append(time.process_time() - c0)
    losses.append(total / n)

acc = float((forward(Xte)[-1].argmax(axis=1) == yte).mean())
print(json.dumps({"system": common.system(np), "workload": "fmnist-" + args.workload, "threads": args.threads,
                  "blas_threads": common.blas_threads(np), "init": args.init, "rows": n, "batch": batch,
                  "epoch_seconds": [round(t, 4) for t in times],
                  "per_epoch_s": statistics.median(times[1:]) if len(times) > 1 else times[0],
                  "train_s": sum(times), "epoch_cpu_seconds": [round(t, 4) for t in cpu], "test_accuracy": round(acc, 4),
                  "train_loss": [round(v, 5) for v in losses]}))
