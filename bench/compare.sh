#!/usr/bin/env bash
# neurona vs PyTorch vs numpy on the end-to-end workloads of docs/PERFORMANCE.md, same machine, same run.
#
#   bench/compare.sh                          # all four workloads, all systems
#   bench/compare.sh xor elman-sine           # some of them
#   THREADS=1 XOR_SEEDS=10 bench/compare.sh   # settings (defaults: THREADS=2, XOR_SEEDS=5)
#   SYSTEMS="neurona numpy" bench/compare.sh  # some of the systems (default: neurona pytorch numpy c)
#   NUMPY_PY=/path/to/python3 bench/compare.sh   # the python whose numpy runs the numpy scripts
#
# For xor there is a fourth system, c: bench/c/xor_online.c (generic online backpropagation as a
# C program is usually written), built with gcc -O2 when gcc is there, double and float versions.
# On the Fashion-MNIST workloads neurona runs twice: as the launcher runs it (Vector API kernel)
# and, labelled neurona-java, with NEURONA_VECTOR=0 (the auto-vectorised Java kernel).
#
# Installs what it needs from Debian when missing (python3-torch, python3-numpy,
# dataset-fashion-mnist; needs root or sudo), builds neurona, runs `neurona bench --json`, the
# PyTorch scripts and the numpy scripts one after the other (never at the same time), and prints a
# table. Every run's JSON line, with the load average before and after it, goes to
# bench/results/compare-<time>.jsonl.
# PyTorch's XOR takes about 1 ms an epoch here and numpy's about 0.3 ms, so both run XOR_SEEDS
# seeds (the time per epoch does not depend on the count) where neurona runs 100; Debian's torch
# is used through /usr/bin/python3, not whatever python3 comes first on PATH.
# numpy: NUMPY_PY if set, else the first of `python3` on PATH and /usr/bin/python3 whose numpy is
# built on OpenBLAS (here the pyenv python3, numpy 2.4.6 on scipy-openblas 0.3.31), else
# /usr/bin/python3 (Debian's numpy 1.24 on the reference BLAS: its GEMM is many times slower, and
# the JSON's "system" says which BLAS ran).
set -euo pipefail
# the rows' labels and the Vector API switch are this script's to set, not the caller's
unset LABEL NEURONA_VECTOR
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
threads="${THREADS:-2}"
xor_seeds="${XOR_SEEDS:-5}"
py=/usr/bin/python3
systems=" ${SYSTEMS:-neurona pytorch numpy c} "
workloads=("$@")
[[ ${#workloads[@]} -eq 0 ]] && workloads=(fmnist-relu fmnist-lecture xor elman-sine)

missing=()
needed=(python3-numpy dataset-fashion-mnist)
[[ "$systems" == *" pytorch "* ]] && needed+=(python3-torch)
for p in "${needed[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing ${missing[*]}" >&2
  sudo_=""; [[ $(id -u) -ne 0 ]] && sudo_=sudo
  $sudo_ apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q "${missing[@]}" >&2
fi
# a python whose numpy uses OpenBLAS, if there is one
openblas_numpy() {
  "$1" -c 'import numpy, sys; b = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]["name"]; sys.exit("openblas" not in b.lower())' 2>/dev/null
}
np_py="${NUMPY_PY:-}"
if [[ -z "$np_py" ]]; then
  for c in "$(command -v python3 || true)" /usr/bin/python3; do
    if [[ -n "$c" ]] && openblas_numpy "$c"; then np_py="$("$c" -c 'import sys; print(sys.executable)')"; break; fi
  done
  np_py="${np_py:-/usr/bin/python3}"
fi
echo "numpy: $np_py ($("$np_py" -c 'import numpy; print(numpy.__version__)'))" >&2
fmnist="$(dirname "$(dpkg -L dataset-fashion-mnist | grep 'train-images-idx3-ubyte.gz$' | head -1)")"

# build now (the launcher builds when sources changed), so no workload's time includes it
[[ "$systems" == *" neurona "* ]] && ./neurona --version >/dev/null
neurona_bench=(./neurona bench)

mkdir -p bench/results
out="bench/results/compare-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
load() { awk '{print $1}' /proc/loadavg; }
# run NAME COMMAND...: appends the command's last JSON line plus the load before and after;
# LABEL=name in the environment replaces the line's "system"
run() {
  local before after line
  before="$(load)"
  echo "running $*" >&2
  line="$("${@:2}" | tail -1)" || { echo "failed: ${*:2}" >&2; return 0; }
  after="$(load)"
  "$py" -c 'import json,sys; d=json.loads(sys.argv[1]); d["load_before"]=float(sys.argv[2]); d["load_after"]=float(sys.argv[3]); d["workload"]=sys.argv[4]; d["system"]=sys.argv[5] or d.get("system"); print(json.dumps(d))' \
    "$line" "$before" "$after" "$1" "${LABEL:-}" >>"$out"
}

has() { [[ "$systems" == *" $1 "* ]]; }
for w in "${workloads[@]}"; do
  case "$w" in
    fmnist-relu|fmnist-lecture|xor|elman-sine) ;;
    *) echo "unknown workload $w" >&2; exit 2 ;;
  esac
  has neurona && run "$w" "${neurona_bench[@]}" --workload "$w" --threads "$threads" --data "$fmnist" --json
  # the same without the Vector API (the auto-vectorised GEMM every plain java gets)
  if has neurona && [[ "$w" == fmnist-* ]]; then
    NEURONA_VECTOR=0 LABEL=neurona-java run "$w" "${neurona_bench[@]}" --workload "$w" --threads "$threads" --data "$fmnist" --json
  fi
  # the Python systems: bench/<system>_xor.py, bench/<system>_elman_sine.py, and an MLP script each
  for sys_ in pytorch numpy; do
    has "$sys_" || continue
    if [[ "$sys_" == pytorch ]]; then p="$py"; mlp=bench/pytorch_fmnist_mlp.py; else p="$np_py"; mlp=bench/numpy_mlp.py; fi
    case "$w" in
      fmnist-relu)    run "$w" "$p" "$mlp" --workload relu --threads "$threads" --data "$fmnist" ;;
      fmnist-lecture) run "$w" "$p" "$mlp" --workload lecture --threads "$threads" --data "$fmnist" ;;
      xor)            run "$w" "$p" "bench/${sys_}_xor.py" --seeds "$xor_seeds" --threads 1 ;;
      elman-sine)     run "$w" "$p" "bench/${sys_}_elman_sine.py" --threads 1 ;;
    esac
  done
  if [[ "$w" == xor ]] && has c && command -v gcc >/dev/null; then
    cbin="$(mktemp -d)"
    gcc -O2 -o "$cbin/xor_d" bench/c/xor_online.c -lm
    gcc -O2 -DREAL=float -o "$cbin/xor_f" bench/c/xor_online.c -lm
    run "$w" "$cbin/xor_d" 100
    run "$w" "$cbin/xor_f" 100
    rm -rf "$cbin"
  fi
done

echo "results: $out" >&2
"$py" "$root/bench/compare_table.py" "$out"
