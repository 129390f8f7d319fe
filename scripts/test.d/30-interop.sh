#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# test.sh: parallel
# Live interop: our native Noise core (tests/interop/driver.c, test build) against
# independent npm implementations (noise-handshake@4.2.0, noise-c.wasm@0.4.0), both
# roles, XX / IK / IKpsk2, random keys, then transport messages both ways.
set -euo pipefail
build=build/interop
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
cmake --build "$build" -j 2 --target noise_interop_driver
(cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)
node tests/interop/run_all.js "$build/tests/native/interop/noise_interop_driver" 5
