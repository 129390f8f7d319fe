#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Managed benchmarks (BenchmarkDotNet, in-process):
#   RelayLatencyBenchmarks        call -> keys ready, pair -> code shown, through a relay adding 25 ms
#                                 each way; Ratio = multiples of the relay's round trip (the baseline)
#   MediaPathBenchmarks           managed bytes allocated per media packet, send and receive
#   CallSetupAllocationBenchmarks managed bytes allocated per call setup
# then the per-call allocation probe. Usage: bash benchmarks/managed/run.sh [BenchmarkDotNet args]
# (default: all). Results: build/bench-managed/results/*.md
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build benchmarks/managed/Phone.Benchmarks.csproj -c Release -nologo -v q -clp:"ErrorsOnly;NoSummary"
bin=benchmarks/managed/bin/Release/net10.0/Phone.Benchmarks.dll
out=build/bench-managed
mkdir -p "$out"
args=("$@")
((${#args[@]})) || args=(--filter '*')
(cd "$out" && dotnet "$root/$bin" "${args[@]}" --artifacts "$root/$out")
dotnet "$bin" --probe
echo "results: $out/results/"
