#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Cookie soak (issue 9 item 6, docs/protocol.md §11): Alice and Bob as two simulator processes,
# UDP on loopback, while tests/soak/flooder.c sends 12,000 spoofed PAIR_1 per second (valid mac1,
# no mac2) for 20 s from 1,000 127.x.y.z source addresses to Bob. A real pairing and a real call
# must complete inside the flood, Bob's RSS must stay bounded (no growth beyond 64 MB, no trend),
# and no spoofed source may get back more bytes than it sent. About 35 s. Figures:
# `python3 tests/soak/cookie_soak.py ... --update-doc` writes docs/performance.md's section.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build boards/sim/Phone.Sim.csproj -c Release -nologo -v q
mkdir -p build/soak
cc -O2 -Wall -Wextra -Werror -o build/soak/flooder tests/soak/flooder.c $(pkg-config --cflags --libs libsodium)
timeout --signal=TERM 110 python3 tests/soak/cookie_soak.py \
  --sim boards/sim/bin/Release/net10.0/Phone.Sim.dll --flooder build/soak/flooder
