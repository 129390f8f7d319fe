#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# test.sh: parallel
# libFuzzer smoke run: builds every target in tests/fuzz with clang (ASan+UBSan)
# in build/fuzz and runs each fuzz_* target for FUZZ_SECONDS (default 20) from its
# committed seed corpus tests/fuzz/corpus/<target>/ (new inputs go to a scratch copy).
# A crash, a sanitizer report or a broken invariant fails the stage; the reproducer
# is left in build/fuzz/artifacts/. Then the managed datagram fuzzer (tests/fuzz/managed)
# replays its committed corpus once, uninstrumented (afl++ runs it only in the campaign,
# scripts/fuzz-campaign.sh). Commands: docs/native-api.md "Fuzzing".
set -euo pipefail
build=build/fuzz
seconds=${FUZZ_SECONDS:-20}
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPC_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j 2

mkdir -p "$build/artifacts"
count=0
for target in "$build"/tests/fuzz/fuzz_*; do
  name=$(basename "$target")
  [[ -x $target && $name != *_seeds ]] || continue
  seeds=tests/fuzz/corpus/$name
  work=$build/corpus/$name
  rm -rf "$work" && mkdir -p "$work"
  [[ -d $seeds ]] && cp -r "$seeds"/. "$work"/
  echo "fuzz: $name for ${seconds}s ($(ls "$work" | wc -l) seeds)"
  "$target" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$name-" "$work" 2>&1 | tail -n 12
  count=$((count + 1))
done
if ((count == 0)); then
  echo "fuzz: no targets built" >&2
  exit 1
fi

managed=$build/managed
dotnet build tests/fuzz/managed/Phone.Fuzz.Datagram.csproj -c Release -nologo -v q -o "$managed" >/dev/null
dotnet "$managed/Phone.Fuzz.Datagram.dll" replay tests/fuzz/corpus/managed_datagram
count=$((count + 1))
echo "fuzz: $count targets ran clean"
