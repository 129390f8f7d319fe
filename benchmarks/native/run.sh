#!/usr/bin/env bash
# Native benchmarks: builds build/bench (Release, PC_BENCH=ON) and runs bench_native.
# The ratios (handshake / its X25519 operations, packet path / raw AEAD) are printed
# after the table. Extra arguments go to Google Benchmark, e.g.
#   bash benchmarks/native/run.sh --benchmark_filter=Handshake --benchmark_repetitions=3
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build/bench
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DPC_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j 2 --target bench_native
"$build/benchmarks/native/bench_native" --benchmark_min_time=0.5 "$@"
