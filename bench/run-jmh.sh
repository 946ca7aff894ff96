#!/usr/bin/env bash
# Builds the JMH benchmark jar (neurona-bench/target/benchmarks.jar) and runs it.
#
#   bench/run-jmh.sh                       # every benchmark, default JMH settings of each class
#   bench/run-jmh.sh GemmBench -p threads=1 # any JMH arguments: a benchmark regex, -p, -f, -wi, -i ...
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run-jmh.sh GemmBench
#
# Results go to bench/results/jmh-<java version>-<date>.json; for GEMM benchmarks a table of
# GFLOP/s (2 m n k x ops/s / 1e9) is printed at the end. Set NEURONA_BENCH_VECTOR=1 to run the
# forks with the Vector API module, so that neurona's products use its kernel (Gemm.vectorized()).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

vector=()
[[ "${NEURONA_BENCH_VECTOR:-0}" == 1 ]] && vector=(-jvmArgsPrepend "--add-modules=jdk.incubator.vector")  # Prepend: keeps each @Fork's own jvmArgsAppend (-Xmx1g)
# package (never install): the jar is built from this tree's neurona-core.
mvn -B -q -pl neurona-bench -am package -DskipTests

version="$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"
mkdir -p bench/results
out="bench/results/jmh-${version}-$(date -u +%Y%m%dT%H%M%SZ).json"

echo "java: $java_bin ($version); results: $out" >&2
"$java_bin" -jar neurona-bench/target/benchmarks.jar "$@" ${vector[@]+"${vector[@]}"} -rf json -rff "$out"

python3 "$root/bench/gflops.py" "$out"
