"""What the numpy benchmark scripts share: BLAS threads set before numpy loads, the system string,
the Fashion-MNIST IDX reader, the logistic function and SGD with PyTorch's momentum.

OpenBLAS reads OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS) once, when the library loads, so
`load_numpy(threads)` must be the first import of numpy in the process.
"""
import ctypes, glob, gzip, os, subprocess, sys


def load_numpy(threads):
    """Limits the BLAS to `threads` threads, imports numpy and returns it."""
    for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[v] = str(threads)
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    if "numpy" in sys.modules:
        raise RuntimeError("numpy was imported before the BLAS thread count was set")
    import numpy
    return numpy


def blas_name(np):
    """'scipy-openblas 0.3.31.188.0' for the wheel's OpenBLAS, 'blas' for Debian's reference BLAS."""
    try:
        b = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return (b["name"] + " " + b.get("version", "")).strip()
    except Exception:  # numpy < 1.26 has no mode="dicts"
        try:
            info = np.__config__.get_info("blas_opt_info")
            return "+".join(dict.fromkeys(info.get("libraries", ["unknown"])))
        except Exception:
            return "unknown"


def blas_threads(np):
    """The thread count the loaded OpenBLAS reports, or None when it cannot be asked."""
    libdir = os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs")
    for lib in glob.glob(os.path.join(libdir, "*openblas*")):
        try:
            l = ctypes.CDLL(lib)
        except OSError:
            continue
        for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads"):
            f = getattr(l, name, None)
            if f is not None:
                return int(f())
    return None


def system(np):
    """The JSON 'system' field: numpy version and BLAS."""
    return "numpy {} ({})".format(np.__version__, blas_name(np))


def data_dir(given):
    if given:
        return given
    out = subprocess.run(["dpkg", "-L", "dataset-fashion-mnist"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.endswith("train-images-idx3-ubyte.gz"):
            return os.path.dirname(line)
    sys.exit("Fashion-MNIST not found: apt-get install dataset-fashion-mnist, or pass --data DIR")


def idx(np, path):
    """An IDX file (optionally gzipped) as a uint8 array of its dimensions."""
    with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as f:
        raw = f.read()
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def logistic_(np, z):
    """z <- 1 / (1 + exp(-z)) in place (float32 exp overflows to inf for z < -88: the result is then 0)."""
    with np.errstate(over="ignore"):
        np.negative(z, out=z)
        np.exp(z, out=z)
    z += 1
    np.reciprocal(z, out=z)
    return z


class Sgd:
    """SGD with momentum in PyTorch's form (torch.optim.SGD, dampening 0, no Nesterov):
    v <- mu v + g (v = g at the first step), w <- w - lr v. With a constant lr this is the
    lecture's classical momentum dw <- alpha dw - eta g, w <- w + dw (Rumelhart, Hinton and
    Williams 1986), up to float rounding."""

    def __init__(self, params, lr, momentum):
        self.params, self.lr, self.mu = params, lr, momentum
        self.v = [None] * len(params)

    def step(self, grads):
        for i, (w, g) in enumerate(zip(self.params, grads)):
            v = self.v[i]
            if v is None:
                self.v[i] = v = g.copy()
            else:
                v *= self.mu
                v += g
            w -= self.lr * v
