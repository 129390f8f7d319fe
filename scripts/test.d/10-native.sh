#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Native core: CTest suite (vectors, self-test, replay window, storage crash-safety,
# malformed input) built with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
build=build/native-asan
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DPC_SANITIZE=ON -DBUILD_TESTING=ON >/dev/null
cmake --build "$build" -j 2
ctest --test-dir "$build" --output-on-failure -j 2
