#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# test.sh: parallel
# Xtensa: the native core cross-built for an emulated lx106 core (Debian's
# gcc-xtensa-lx106 + picolibc, libsodium's reference C from Debian's source
# package) and its test image run under qemu-system-xtensa. Fails on any
# failed vector, any CPU exception (e.g. an unaligned load) or a hang.
# Only the first run on a machine fetches libsodium's source (cached in build/).
set -euo pipefail
build=build/xtensa
cmake -S native/xtensa -B "$build" -DXT_OPT=Os \
      -DCMAKE_TOOLCHAIN_FILE="$PWD/native/xtensa/toolchain/toolchain-lx106.cmake" >/dev/null
cmake --build "$build" -j 2 >/dev/null || cmake --build "$build" -j 1   # errors shown on failure
status=0
timeout 300 qemu-system-xtensa -M sim -cpu lx106 -nographic -monitor none -semihosting \
        -kernel "$build/xt_test.elf" || status=$?
if ((status != 0)); then
  echo "xtensa: test image FAILED (exit status $status; 3 = CPU exception, 124 = timeout)"
  exit "$status"
fi
# The benchmark image must still run (it drives every entry point through the
# production build); its figures are docs/performance.md's, not checked here.
bench=0
timeout 300 qemu-system-xtensa -M sim -cpu lx106 -nographic -monitor none -semihosting \
        -icount shift=7 -kernel "$build/xt_bench.elf" >"$build/bench-smoke.txt" || bench=$?
if ((bench != 0)) || ! grep -q '^bench: done' "$build/bench-smoke.txt"; then
  cat "$build/bench-smoke.txt"
  echo "xtensa: benchmark image FAILED (exit status $bench)"
  exit 1
fi
echo "xtensa: benchmark image ran ($(grep -c '^R|' "$build/bench-smoke.txt") measurements;" \
     "X25519 = $(awk -F'|' '$2 == "x25519" && $1 == "R" {print $4}' "$build/bench-smoke.txt") instructions)"
