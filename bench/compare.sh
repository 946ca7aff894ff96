#!/usr/bin/env bash
# neurona vs PyTorch on the end-to-end workloads of docs/PERFORMANCE.md, same machine, same run.
#
#   bench/compare.sh                          # all four workloads
#   bench/compare.sh xor elman-sine           # some of them
#   THREADS=1 XOR_SEEDS=10 bench/compare.sh   # settings (defaults: THREADS=2, XOR_SEEDS=5)
#
# Installs what it needs from Debian when missing (python3-torch, python3-numpy,
# dataset-fashion-mnist; needs root or sudo), builds neurona, runs `neurona bench --json` and the
# PyTorch scripts one after the other (never at the same time), and prints a table. Every run's
# JSON line, with the load average before and after it, goes to bench/results/compare-<time>.jsonl.
# PyTorch's XOR takes about 1 ms an epoch here, so it runs XOR_SEEDS seeds (the time per epoch
# does not depend on the count) where neurona runs 100; Debian's torch is used through
# /usr/bin/python3, not whatever python3 comes first on PATH.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
threads="${THREADS:-2}"
xor_seeds="${XOR_SEEDS:-5}"
py=/usr/bin/python3
workloads=("$@")
[[ ${#workloads[@]} -eq 0 ]] && workloads=(fmnist-relu fmnist-lecture xor elman-sine)

missing=()
for p in python3-torch python3-numpy dataset-fashion-mnist; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing ${missing[*]}" >&2
  sudo_=""; [[ $(id -u) -ne 0 ]] && sudo_=sudo
  $sudo_ apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q "${missing[@]}" >&2
fi
fmnist="$(dirname "$(dpkg -L dataset-fashion-mnist | grep 'train-images-idx3-ubyte.gz$' | head -1)")"

# build (the launcher builds when sources changed); `bench` before it is registered in Main: the class itself
./neurona --version >/dev/null
if ./neurona --help 2>&1 | grep -qE '^ +bench( |$)'; then
  neurona_bench=(./neurona bench)
else
  neurona_bench=(java ${JAVA_OPTS:-} -cp neurona-cli/target/neurona.jar org.neurona.cli.BenchCommand)
fi

mkdir -p bench/results
out="bench/results/compare-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
load() { awk '{print $1}' /proc/loadavg; }
# run NAME COMMAND...: appends the command's last JSON line plus the load before and after
run() {
  local before after line
  before="$(load)"
  echo "running $*" >&2
  line="$("${@:2}" | tail -1)" || { echo "failed: ${*:2}" >&2; return 0; }
  after="$(load)"
  "$py" -c 'import json,sys; d=json.loads(sys.argv[1]); d["load_before"]=float(sys.argv[2]); d["load_after"]=float(sys.argv[3]); d["workload"]=sys.argv[4]; print(json.dumps(d))' \
    "$line" "$before" "$after" "$1" >>"$out"
}

for w in "${workloads[@]}"; do
  run "$w" "${neurona_bench[@]}" --workload "$w" --threads "$threads" --data "$fmnist" --json
  case "$w" in
    fmnist-relu)    run "$w" "$py" bench/pytorch_fmnist_mlp.py --workload relu --threads "$threads" --data "$fmnist" ;;
    fmnist-lecture) run "$w" "$py" bench/pytorch_fmnist_mlp.py --workload lecture --threads "$threads" --data "$fmnist" ;;
    xor)            run "$w" "$py" bench/pytorch_xor.py --seeds "$xor_seeds" --threads 1 ;;
    elman-sine)     run "$w" "$py" bench/pytorch_elman_sine.py --threads 1 ;;
    *) echo "unknown workload $w" >&2; exit 2 ;;
  esac
done

echo "results: $out" >&2
"$py" "$root/bench/compare_table.py" "$out"
